package io.tributary.adapter.kafka;

import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A kafka domain's published topics, by table name. */
final class TopicSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  TopicSchema(Map<String, Table> tables) {
    this.tables = Map.copyOf(tables);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
