package io.tributary.catalog.contract;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key a contract declares (an ODCS v3.1 {@code relationships} entry of type
 * {@code foreignKey}): columns of one table whose values are those of columns of another. A
 * promise to consumers, as a key is; nothing checks the store's data against it.
 *
 * @param columns the referring columns of the table that declares the key, in key order
 * @param domain the domain of the referenced table
 * @param table the referenced table's SQL name (its latest major when it is a product table)
 * @param referenced the referenced columns, one per referring column, in the same order
 */
public record ForeignKey(List<String> columns, String domain, String table, List<String> referenced) {
  public ForeignKey {
    columns = List.copyOf(columns);
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(table, "table");
    referenced = List.copyOf(referenced);
    if (columns.isEmpty() || columns.size() != referenced.size()) {
      throw new IllegalArgumentException("a foreign key pairs each of its columns with one referenced column: "
          + columns + " -> " + referenced);
    }
  }
}
