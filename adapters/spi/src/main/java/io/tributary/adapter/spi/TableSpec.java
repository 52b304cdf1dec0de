package io.tributary.adapter.spi;

import java.util.Map;
import java.util.Objects;

/**
 * One table a domain publishes.
 *
 * @param name the name consumers use in SQL
 * @param source the store's own name for it (often the same); adapters decide how to read it,
 *     for example {@code schema.table} for a database or a topic name for Kafka
 * @param options adapter-specific settings of this table, as written in configuration
 */
public record TableSpec(String name, String source, Map<String, Object> options) {

  public TableSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    options = Map.copyOf(options);
  }

  /** A table published under the store's own name, with no options. */
  public static TableSpec named(String name) {
    return new TableSpec(name, name, Map.of());
  }
}
