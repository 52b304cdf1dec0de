package io.tributary.gateway.engine;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column's type as {@code DatabaseMetaData.getColumns} describes it: the type's plain name, as
 * {@code getTypeInfo} lists it ({@code DECIMAL}, not {@code DECIMAL(10, 2) NOT NULL}: sizes and
 * nullability have columns of their own), and the sizes JDBC defines — the maximum precision of
 * numbers, the length in characters of texts and of date-times' text form, the fractional digits
 * of decimals and of seconds.
 */
record JdbcColumnType(String typeName, @Nullable Integer columnSize, @Nullable Integer decimalDigits,
    @Nullable Integer numPrecRadix, @Nullable Integer charOctetLength) {

  /** What JDBC drivers report for a text or binary without a length (PostgreSQL's {@code text}). */
  private static final int UNBOUNDED = Integer.MAX_VALUE;
  /** Bytes per character in UTF-8 at most. */
  private static final int UTF8_MAX_BYTES = 4;
  private static final int DATE_LENGTH = "yyyy-mm-dd".length();
  private static final int TIME_LENGTH = "hh:mm:ss".length();

  static JdbcColumnType of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    String typeName = name.getName();
    return switch (name) {
      case TINYINT -> number(typeName, 3, 0);
      case SMALLINT -> number(typeName, 5, 0);
      case INTEGER -> number(typeName, 10, 0);
      case BIGINT -> number(typeName, 19, 0);
      case REAL -> number(typeName, 7, null);
      case FLOAT, DOUBLE -> number(typeName, 15, null);
      case DECIMAL -> number(typeName, type.getPrecision(), type.getScale());
      case CHAR, VARCHAR -> {
        int length = length(type);
        yield new JdbcColumnType(typeName, length, null, null,
            length == UNBOUNDED ? UNBOUNDED : (int) Math.min(UNBOUNDED, (long) length * UTF8_MAX_BYTES));
      }
      case BINARY, VARBINARY -> new JdbcColumnType(typeName, length(type), null, null, null);
      case BOOLEAN -> new JdbcColumnType(typeName, 1, null, null, null);
      case DATE -> new JdbcColumnType(typeName, DATE_LENGTH, 0, null, null);
      case TIME -> temporal(typeName, TIME_LENGTH, type);
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> temporal(typeName, DATE_LENGTH + 1 + TIME_LENGTH, type);
      default -> new JdbcColumnType(typeName, null, null, null, null);
    };
  }

  private static JdbcColumnType number(String typeName, int precision, @Nullable Integer scale) {
    return new JdbcColumnType(typeName, precision, scale, 10, null);
  }

  private static int length(RelDataType type) {
    return type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? UNBOUNDED : type.getPrecision();
  }

  /** The text form's length: a point and one character per fractional digit when there are any. */
  private static JdbcColumnType temporal(String typeName, int wholeSeconds, RelDataType type) {
    int fraction = Math.max(0, type.getPrecision());
    return new JdbcColumnType(typeName, wholeSeconds + (fraction > 0 ? fraction + 1 : 0), fraction, null, null);
  }
}
