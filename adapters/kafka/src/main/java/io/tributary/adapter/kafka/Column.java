package io.tributary.adapter.kafka;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** A column of a topic table: declared in configuration, or one of the metadata columns. */
record Column(String name, ColumnType type) {

  /** Present in every topic table, after the declared columns, in this order. */
  static final List<Column> METADATA = List.of(
      new Column("_key", ColumnType.of(SqlTypeName.VARCHAR)),
      new Column("_partition", ColumnType.of(SqlTypeName.INTEGER)),
      new Column("_offset", ColumnType.of(SqlTypeName.BIGINT)),
      new Column("_timestamp", ColumnType.of(SqlTypeName.TIMESTAMP)));

  /** {@code value} at this decimal column's scale; refused when that would round or overflow its precision. */
  BigDecimal decimal(BigDecimal value) throws BadRecordException {
    try {
      BigDecimal scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
      if (scaled.precision() <= type.precision()) {
        return scaled;
      }
    } catch (ArithmeticException tooManyDecimals) {
      // reported below
    }
    throw new BadRecordException("column `" + name + "`: " + value.toPlainString() + " does not fit " + type.describe());
  }
}
