package io.tributary.catalog.contract;

import java.util.Objects;
import java.util.Optional;

/**
 * A promised column (an ODCS property).
 *
 * @param name the name consumers use in SQL
 * @param physicalName the store's column it is read from
 * @param type the promised SQL type
 * @param required whether it is never null
 * @param primaryKey whether it is (part of) the primary key
 * @param classification e.g. {@code pii}, {@code confidential}, if tagged
 * @param description what it means
 */
public record ContractColumn(
    String name,
    String physicalName,
    ColumnType type,
    boolean required,
    boolean primaryKey,
    Optional<String> classification,
    String description) {

  public ContractColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(physicalName, "physicalName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(classification, "classification");
  }
}
