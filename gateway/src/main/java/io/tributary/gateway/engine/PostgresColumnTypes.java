package io.tributary.gateway.engine;

import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A column's type described as PostgreSQL's {@code information_schema.columns} describes it:
 * the SQL-standard name ({@code character varying}), PostgreSQL's own ({@code varchar}), lengths
 * and precisions, whichever store holds the column.
 */
record PostgresColumnTypes(String dataType, String udtName, @Nullable Integer characterMaximumLength,
    @Nullable Integer characterOctetLength, @Nullable Integer numericPrecision,
    @Nullable Integer numericPrecisionRadix, @Nullable Integer numericScale, @Nullable Integer datetimePrecision) {

  /** PostgreSQL's bound on a text's bytes, which it reports for text without a length. */
  private static final int MAX_TEXT_OCTETS = 1_073_741_824;
  /** Bytes per character in UTF-8 at most, as PostgreSQL counts a character column's octets. */
  private static final int UTF8_MAX_BYTES = 4;

  static PostgresColumnTypes of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return switch (name) {
      case BOOLEAN -> named("boolean", "bool");
      case TINYINT, SMALLINT -> binary("smallint", "int2", 16, 0);
      case INTEGER -> binary("integer", "int4", 32, 0);
      case BIGINT -> binary("bigint", "int8", 64, 0);
      case REAL, FLOAT -> binary("real", "float4", 24, null);
      case DOUBLE -> binary("double precision", "float8", 53, null);
      case DECIMAL -> new PostgresColumnTypes("numeric", "numeric", null, null, type.getPrecision(), 10,
          type.getScale(), null);
      case CHAR -> text("character", "bpchar", type);
      case VARCHAR -> type.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED
          ? new PostgresColumnTypes("text", "text", null, MAX_TEXT_OCTETS, null, null, null, null)
          : text("character varying", "varchar", type);
      case DATE -> new PostgresColumnTypes("date", "date", null, null, null, null, null, 0);
      case TIME -> temporal("time without time zone", "time", type);
      case TIMESTAMP -> temporal("timestamp without time zone", "timestamp", type);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> temporal("timestamp with time zone", "timestamptz", type);
      case BINARY, VARBINARY -> named("bytea", "bytea");
      default -> {
        String lowerCase = name.getName().toLowerCase(Locale.ROOT);
        yield named(lowerCase, lowerCase);
      }
    };
  }

  private static PostgresColumnTypes named(String dataType, String udtName) {
    return new PostgresColumnTypes(dataType, udtName, null, null, null, null, null, null);
  }

  private static PostgresColumnTypes binary(String dataType, String udtName, int bits, @Nullable Integer scale) {
    return new PostgresColumnTypes(dataType, udtName, null, null, bits, 2, scale, null);
  }

  private static PostgresColumnTypes text(String dataType, String udtName, RelDataType type) {
    int length = type.getPrecision();
    return new PostgresColumnTypes(dataType, udtName, length, length * UTF8_MAX_BYTES, null, null, null, null);
  }

  /** The fractional digits of seconds the gateway serves: at most milliseconds (3), as Calcite holds times. */
  private static PostgresColumnTypes temporal(String dataType, String udtName, RelDataType type) {
    return new PostgresColumnTypes(dataType, udtName, null, null, null, null, null, Math.max(0, type.getPrecision()));
  }
}
