package io.tributary.catalog.contract;

import java.util.List;
import java.util.Objects;

/**
 * A table of a data product (an ODCS schema object).
 *
 * @param name the name consumers use in SQL
 * @param physicalName the store's table it is read from
 * @param description what a row is
 * @param columns the promised columns, in order
 * @param primaryKey the names of the primary key's columns, in key order ({@code primaryKeyPosition})
 * @param foreignKeys the keys by which its rows refer to rows of other tables
 */
public record ContractTable(String name, String physicalName, String description, List<ContractColumn> columns,
    List<String> primaryKey, List<ForeignKey> foreignKeys) {
  public ContractTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(physicalName, "physicalName");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** A table without foreign keys whose primary key is its key columns in column order. */
  public ContractTable(String name, String physicalName, String description, List<ContractColumn> columns) {
    this(name, physicalName, description, columns,
        columns.stream().filter(ContractColumn::primaryKey).map(ContractColumn::name).toList(), List.of());
  }
}
