package io.tributary.catalog.contract;

import java.util.Objects;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A column's promised type, normalised from the contract's {@code physicalType} (or, when absent,
 * its {@code logicalType}) onto SQL.
 *
 * @param sqlType the SQL type family members are compared in
 * @param precision length or precision, or -1 when not promised
 * @param scale scale of a decimal, or -1 when not promised
 * @param written the type as the contract wrote it, for messages
 */
public record ColumnType(SqlTypeName sqlType, int precision, int scale, String written) {
  public ColumnType {
    Objects.requireNonNull(sqlType, "sqlType");
    Objects.requireNonNull(written, "written");
  }
}
