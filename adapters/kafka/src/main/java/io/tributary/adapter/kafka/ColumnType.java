package io.tributary.adapter.kafka;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A declared column type, as written in configuration ({@code varchar}, {@code decimal(10,2)}, ...).
 *
 * @param sqlType the SQL type
 * @param precision for {@code DECIMAL} only
 * @param scale for {@code DECIMAL} only
 */
record ColumnType(SqlTypeName sqlType, int precision, int scale) {
  /** The names users write, for messages. */
  static final String KNOWN = "varchar, integer, bigint, double, boolean, decimal(p,s), date, timestamp";
  private static final Pattern DECIMAL = Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
  private static final int DEFAULT_PRECISION = 38;
  private static final int DEFAULT_SCALE = 10;

  /** Parses a type name, or empty when it is not one we know. */
  static Optional<ColumnType> parse(String text) {
    String name = text.trim().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(name);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      return precision > 0 && scale <= precision
          ? Optional.of(new ColumnType(SqlTypeName.DECIMAL, precision, scale)) : Optional.empty();
    }
    return Optional.ofNullable(switch (name) {
      case "varchar", "string", "text" -> SqlTypeName.VARCHAR;
      case "integer", "int" -> SqlTypeName.INTEGER;
      case "bigint", "long" -> SqlTypeName.BIGINT;
      case "double", "float" -> SqlTypeName.DOUBLE;
      case "boolean" -> SqlTypeName.BOOLEAN;
      case "decimal" -> SqlTypeName.DECIMAL;
      case "date" -> SqlTypeName.DATE;
      case "timestamp" -> SqlTypeName.TIMESTAMP;
      default -> null;
    }).map(type -> type == SqlTypeName.DECIMAL
        ? new ColumnType(type, DEFAULT_PRECISION, DEFAULT_SCALE) : new ColumnType(type, 0, 0));
  }

  static ColumnType of(SqlTypeName type) {
    return new ColumnType(type, 0, 0);
  }

  /** The type as a user writes it: {@code decimal(6,2)}, {@code varchar}, ... */
  String describe() {
    return sqlType == SqlTypeName.DECIMAL ? "decimal(" + precision + "," + scale + ")"
        : sqlType.getName().toLowerCase(Locale.ROOT);
  }

  RelDataType relType(RelDataTypeFactory factory) {
    RelDataType type = sqlType == SqlTypeName.DECIMAL
        ? factory.createSqlType(sqlType, precision, scale)
        : factory.createSqlType(sqlType);
    return factory.createTypeWithNullability(type, true);
  }
}
