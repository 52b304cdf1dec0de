package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.StatusTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;

/** An opened kafka domain: its topic tables, kept in sync by one consumer thread. */
final class KafkaDomainSource implements DomainSource {
  private final TopicSchema schema;
  private final Map<String, Table> byTopic;
  private final DomainConsumer consumer;
  private final BrokerLink link;
  private final TopicStatus status;

  /** @param byTopic the published tables again, by topic: what contracts name as physical tables */
  KafkaDomainSource(TopicSchema schema, Map<String, Table> byTopic, DomainConsumer consumer, BrokerLink link,
      TopicStatus status) {
    this.schema = schema;
    this.byTopic = Map.copyOf(byTopic);
    this.consumer = consumer;
    this.link = link;
    this.status = status;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  /**
   * Only declared topics: the consumer reads nothing else, and their columns come from the
   * domain's configuration. Their shape never needs the broker, so the default
   * {@link #describe} is fresh.
   */
  @Override
  public Optional<Table> storeTable(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  @Override
  public List<StatusTable> statusTables() {
    return status.tables();
  }

  @Override
  public Health health() {
    return link.health();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
