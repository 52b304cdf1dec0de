package io.tributary.catalog.contract;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.CHAR;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static org.apache.calcite.sql.type.SqlTypeName.TINYINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An ODCS v3 {@code logicalType} of a column: the SQL types a physical type may have under it, and
 * the SQL type it stands for when the contract gives no physical type.
 */
enum LogicalType {
  STRING(Set.of(VARCHAR, CHAR, VARBINARY)),
  INTEGER(Set.of(TINYINT, SMALLINT, SqlTypeName.INTEGER, BIGINT)),
  NUMBER(Set.of(TINYINT, SMALLINT, SqlTypeName.INTEGER, BIGINT, DECIMAL, REAL, DOUBLE)),
  BOOLEAN(Set.of(SqlTypeName.BOOLEAN)),
  // ODCS 3.0 has no timestamp logical type; contracts say `date` with a date-time format instead.
  DATE(Set.of(SqlTypeName.DATE, SqlTypeName.TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, SqlTypeName.TIME)),
  TIMESTAMP(Set.of(SqlTypeName.TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE)),
  TIME(Set.of(SqlTypeName.TIME));

  /** Orders formats as i8, i16, i32, i64. */
  private static final Comparator<String> BY_WIDTH = Comparator.comparing(String::length)
      .thenComparing(Comparator.naturalOrder());

  private final Set<SqlTypeName> physical;

  LogicalType(Set<SqlTypeName> physical) {
    this.physical = physical;
  }

  static Optional<LogicalType> read(ContractNode node) {
    Optional<String> text = node.optionalText();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.get().equals("object") || text.get().equals("array")) {
      throw node.fail("is `" + text.get() + "`, which a column cannot be: a column holds one SQL value;"
          + " expected a scalar type (flatten nested fields into columns of their own)");
    }
    return Optional.of(Arrays.stream(values()).filter(l -> l.written().equals(text.get())).findFirst()
        .orElseThrow(() -> node.fail("`" + text.get() + "` is not an ODCS v3 logicalType; expected one of "
            + Arrays.stream(values()).map(LogicalType::written).toList())));
  }

  String written() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Refuses a physical type that contradicts this logical type: one of them is a mistake. */
  void requireMatch(ColumnType type, ContractNode node) {
    if (!physical.contains(type.sqlType())) {
      throw node.fail("is `" + written() + "` but physicalType `" + type.written() + "` is not of that kind;"
          + " expected them to agree (or drop logicalType)");
    }
  }

  /** The SQL type of a column that gives only this logical type, sized by its logicalTypeOptions. */
  ColumnType columnType(ContractNode options) {
    return switch (this) {
      case STRING -> {
        ContractNode node = options.field("maxLength");
        OptionalInt maxLength = node.optionalInt();
        if (maxLength.isPresent() && maxLength.getAsInt() < 1) {
          throw node.fail("is " + maxLength.getAsInt() + "; expected a length of at least 1");
        }
        yield maxLength.isPresent()
            ? new ColumnType(VARCHAR, maxLength.getAsInt(), -1, "string(maxLength " + maxLength.getAsInt() + ")")
            : simple(VARCHAR);
      }
      case INTEGER -> sized(options, "i32",
          Map.of("i8", TINYINT, "i16", SMALLINT, "i32", SqlTypeName.INTEGER, "i64", BIGINT));
      case NUMBER -> sized(options, "f64", Map.of("f32", REAL, "f64", DOUBLE));
      case BOOLEAN -> simple(SqlTypeName.BOOLEAN);
      case DATE -> simple(SqlTypeName.DATE);
      case TIMESTAMP -> simple(SqlTypeName.TIMESTAMP);
      case TIME -> simple(SqlTypeName.TIME);
    };
  }

  private ColumnType simple(SqlTypeName type) {
    return new ColumnType(type, -1, -1, written());
  }

  /** ODCS sizes integers and numbers by a Rust-like {@code format} option. */
  private ColumnType sized(ContractNode options, String byDefault, Map<String, SqlTypeName> formats) {
    ContractNode node = options.field("format");
    Optional<String> format = node.optionalText();
    SqlTypeName type = formats.get(format.orElse(byDefault));
    if (type == null) {
      throw node.fail("`" + format.get() + "` is not a supported format of logicalType " + written()
          + "; expected one of " + formats.keySet().stream().sorted(BY_WIDTH).toList() + ", or a physicalType");
    }
    return new ColumnType(type, -1, -1, written() + format.map(f -> "(" + f + ")").orElse(""));
  }
}
