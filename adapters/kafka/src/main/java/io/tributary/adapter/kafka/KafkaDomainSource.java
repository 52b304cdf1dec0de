package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.StatusTable;
import java.util.List;
import org.apache.calcite.schema.Schema;

/** An opened kafka domain: its topic tables, kept in sync by one consumer thread. */
final class KafkaDomainSource implements DomainSource {
  private final TopicSchema schema;
  private final DomainConsumer consumer;
  private final BrokerLink link;
  private final TopicStatus status;

  KafkaDomainSource(TopicSchema schema, DomainConsumer consumer, BrokerLink link, TopicStatus status) {
    this.schema = schema;
    this.consumer = consumer;
    this.link = link;
    this.status = status;
  }

  @Override
  public Schema schema() {
    return schema;
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
