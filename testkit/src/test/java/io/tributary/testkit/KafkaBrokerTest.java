package io.tributary.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

  @Test
  void recordsProducedBeforeARestartAreStillThereAfterIt() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("kit_restart", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("kit_restart", "k", "before")).get(30, TimeUnit.SECONDS);
    }
    broker.stop();
    broker.start();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
      TopicPartition partition = new TopicPartition("kit_restart", 0);
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      List<ConsumerRecord<String, String>> read = consumer.poll(Duration.ofSeconds(30)).records(partition);
      assertEquals("before", read.get(0).value());
    }
  }
}
