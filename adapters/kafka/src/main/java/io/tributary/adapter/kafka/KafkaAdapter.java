package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.DomainAdapter;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Kafka topics as tables, kept in sync: each domain's topics are read from the start by one
 * consumer thread into memory, and queries read that state, never the broker. Opening never
 * waits for the cluster, so a cluster that is down does not stop the gateway. Record values are read
 * by the table's {@link ValueFormat}, JSON or Avro, checked against the declared columns here, at
 * start-up (see {@code adapters/kafka/README.md}).
 */
public final class KafkaAdapter implements DomainAdapter {

  @Override
  public Set<String> types() {
    return Set.of("kafka");
  }

  @Override
  public DomainSource open(DomainSpec spec) {
    Properties client = ClientSettings.consumer(spec);
    BrokerLink link = new BrokerLink(spec.name(), client.getProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
    Rejections rejections = new Rejections(spec.name());
    Map<String, TopicIngest> byTopic = new LinkedHashMap<>();
    Map<String, Table> tables = new LinkedHashMap<>();
    Map<String, Table> byTopicName = new LinkedHashMap<>();
    for (int i = 0; i < spec.tables().size(); i++) {
      TopicSettings settings = TopicSettings.of(spec.name(), i, spec.tables().get(i));
      TableState state = settings.kind() == TableKind.ENTITY
          ? new EntityState(settings.maxMemoryBytes()) : new EventsState(settings);
      TopicIngest previous = byTopic.putIfAbsent(settings.topic(), new TopicIngest(settings, state, rejections));
      if (previous != null) {
        throw new InvalidDomainSettingsException(spec.name(), "tables[" + i + "].source", "is topic `"
            + settings.topic() + "`, already published as table `" + previous.settings().table() + "`; publish a topic once");
      }
      TopicTable table = new TopicTable(settings, state, link);
      tables.put(settings.table(), table);
      byTopicName.put(settings.topic(), table);
    }
    DomainConsumer consumer = new DomainConsumer(spec.name(), client, byTopic, link);
    TopicStatus status = new TopicStatus(new ArrayList<>(byTopic.values()), consumer, rejections, link);
    consumer.start();
    return new KafkaDomainSource(new TopicSchema(tables), byTopicName, consumer, link, status);
  }
}
