package io.tributary.adapter.spi;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A table an adapter contributes to the gateway's {@code tributary} system schema, such as
 * {@code tributary.topics}. Every domain offering a status table of one name contributes rows to
 * the same SQL table: the engine unions them and puts a {@code domain} column first, so rows here
 * leave the domain out. Domains contributing to one name must declare the same columns. The
 * gateway describes its own system tables the same way.
 *
 * @param name the table's name inside {@code tributary}; must not be one of the gateway's own
 * @param columns the columns after {@code domain}, all nullable
 * @param rows computed on every scan; values in Calcite's representation (a {@code TIMESTAMP} is
 *     epoch milliseconds as {@code Long}, an {@code INTEGER} an {@code Integer}, ...)
 */
public record StatusTable(String name, List<Column> columns, Supplier<List<Object[]>> rows) {

  public StatusTable {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(rows, "rows");
  }

  /** This table as Calcite reads it: a system table whose rows are computed on every scan. */
  public Table table() {
    return new SystemTable(columns, rows);
  }

  /** One column of a status table. */
  public record Column(String name, SqlTypeName type) {

    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }
}
