package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka feed: a topic whose records are contracts keyed by their contract id, or by
 * {@code <id>/v<major>} for one major ({@link RecordKey}); a record with no value (a tombstone)
 * retires what its key names. The topic is the log of record, so every partition is
 * read from the beginning at start-up, without a consumer group. One thread reads it; a broker that
 * is down delays the feed and nothing else, and a record that is refused is skipped.
 */
public final class KafkaFeed implements AutoCloseable {
  /**
   * Consumer settings the feed sets itself (it assigns partitions and keeps positions in memory);
   * configuration must not name them.
   */
  public static final Set<String> OWNED_SETTINGS = Set.of(
      ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
      ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG);
  private static final Duration POLL = Duration.ofMillis(200);
  /** How often partitions are looked up again: the topic may appear, or grow, later. */
  private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(KafkaFeed.class);

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final ContractIntake intake;
  private final Thread thread;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private volatile boolean running = true;
  private boolean troubleLogged; // the feed's thread only: one warning per outage or missing topic

  private KafkaFeed(String topic, Properties properties, ContractIntake intake) {
    this.topic = topic;
    this.consumer = new KafkaConsumer<>(properties);
    this.intake = intake;
    this.thread = new Thread(this::run, "contracts-kafka-" + topic);
    thread.setDaemon(true);
  }

  /**
   * Starts reading {@code topic}; returns at once, whether the cluster answers or not.
   *
   * @param connection {@code bootstrap.servers} and any other Kafka consumer setting except
   *     {@link #OWNED_SETTINGS}, as written in configuration
   */
  public static KafkaFeed start(String topic, Map<String, String> connection, ContractIntake intake) {
    KafkaFeed feed = new KafkaFeed(topic, consumerProperties(topic, connection), intake);
    feed.thread.start();
    return feed;
  }

  private static Properties consumerProperties(String topic, Map<String, String> connection) {
    Properties properties = new Properties();
    properties.putAll(connection);
    properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.setProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-contracts-" + topic);
    return properties;
  }

  private void run() {
    long nextCheck = 0;
    while (running) {
      try {
        if (System.currentTimeMillis() >= nextCheck) {
          nextCheck = System.currentTimeMillis() + CHECK_EVERY.toMillis();
          assignNewPartitions();
        }
        if (consumer.assignment().isEmpty()) {
          pause();
          continue;
        }
        consumer.poll(POLL).forEach(this::apply);
      } catch (WakeupException closing) {
        // close() woke us; the loop ends because running is false
      } catch (KafkaException e) {
        trouble("Kafka is unreachable or refused the feed (" + e + "); contracts already published stay served,"
            + " reading resumes when it answers");
        pause();
      }
    }
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }

  /** Assigns partitions not read yet, each from its beginning. */
  private void assignNewPartitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, CLUSTER_TIMEOUT);
    if (infos == null || infos.isEmpty()) {
      trouble("the topic does not exist (yet); its contracts are read once it does");
      return;
    }
    Set<TopicPartition> all = new HashSet<>();
    infos.forEach(info -> all.add(new TopicPartition(topic, info.partition())));
    if (all.equals(consumer.assignment())) {
      return;
    }
    Set<TopicPartition> added = new HashSet<>(all);
    added.removeAll(consumer.assignment());
    consumer.assign(all);
    consumer.seekToBeginning(added);
    troubleLogged = false;
    LOG.info("contracts topic `{}`: reading {} partitions from the beginning", topic, all.size());
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    String origin = "kafka:" + topic + " partition " + record.partition() + " offset " + record.offset();
    String written = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8).trim();
    try {
      if (written.isEmpty()) {
        intake.reject(origin, new ContractException(origin, "key", "is missing; " + RecordKey.ADVICE
            + " (a record without a value retires what its key names)"));
        return;
      }
      RecordKey key = RecordKey.parse(written);
      if (record.value() == null) {
        key.retire(intake, origin);
      } else {
        String text = new String(record.value(), StandardCharsets.UTF_8);
        intake.publish(origin, text, contract -> key.check(origin, contract));
      }
    } catch (ContractException refused) {
      // recorded by the intake; the next record is independent of this one
    } catch (RuntimeException e) {
      LOG.error("{} could not be processed; skipped", origin, e);
    }
  }

  private void trouble(String what) {
    if (!troubleLogged) {
      troubleLogged = true;
      LOG.warn("contracts topic `{}`: {}", topic, what);
    }
  }

  private void pause() {
    try {
      stopping.await(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    stopping.countDown();
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
