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
 */
public record ContractTable(String name, String physicalName, String description, List<ContractColumn> columns) {
  public ContractTable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(physicalName, "physicalName");
    columns = List.copyOf(columns);
  }
}
