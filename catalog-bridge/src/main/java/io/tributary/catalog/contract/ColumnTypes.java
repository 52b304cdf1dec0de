package io.tributary.catalog.contract;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.CHAR;
import static org.apache.calcite.sql.type.SqlTypeName.DATE;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIME;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static org.apache.calcite.sql.type.SqlTypeName.TINYINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Normalises a property's {@code physicalType} (preferred: it is what the store holds) or, without
 * one, its {@code logicalType} onto a SQL {@link ColumnType}. Spellings of PostgreSQL, MySQL/MariaDB
 * and standard SQL are accepted; anything else is refused rather than guessed.
 */
final class ColumnTypes {
  /** {@code name(a)} or {@code name(a, b)}, possibly followed by {@code with time zone}. */
  private static final Pattern SIZED = Pattern.compile("(.*?) ?\\( ?(\\d{1,9}) ?(?:, ?(\\d{1,9}) ?)?\\) ?(.*)");

  /** Which sizes a spelling takes in parentheses. */
  private enum Size { NONE, LENGTH, PRECISION_SCALE, FRACTIONAL_SECONDS }

  private record Spelling(SqlTypeName type, Size size) {}

  private static final Map<String, Spelling> SPELLINGS = Map.ofEntries(
      Map.entry("varchar", new Spelling(VARCHAR, Size.LENGTH)),
      Map.entry("character varying", new Spelling(VARCHAR, Size.LENGTH)),
      Map.entry("nvarchar", new Spelling(VARCHAR, Size.LENGTH)),
      Map.entry("text", new Spelling(VARCHAR, Size.NONE)),
      Map.entry("string", new Spelling(VARCHAR, Size.NONE)),
      Map.entry("char", new Spelling(CHAR, Size.LENGTH)),
      Map.entry("character", new Spelling(CHAR, Size.LENGTH)),
      Map.entry("bpchar", new Spelling(CHAR, Size.LENGTH)),
      Map.entry("tinyint", new Spelling(TINYINT, Size.NONE)),
      Map.entry("smallint", new Spelling(SMALLINT, Size.NONE)),
      Map.entry("int2", new Spelling(SMALLINT, Size.NONE)),
      Map.entry("int", new Spelling(INTEGER, Size.NONE)),
      Map.entry("integer", new Spelling(INTEGER, Size.NONE)),
      Map.entry("int4", new Spelling(INTEGER, Size.NONE)),
      Map.entry("bigint", new Spelling(BIGINT, Size.NONE)),
      Map.entry("int8", new Spelling(BIGINT, Size.NONE)),
      Map.entry("decimal", new Spelling(DECIMAL, Size.PRECISION_SCALE)),
      Map.entry("numeric", new Spelling(DECIMAL, Size.PRECISION_SCALE)),
      Map.entry("real", new Spelling(REAL, Size.NONE)),
      Map.entry("float4", new Spelling(REAL, Size.NONE)),
      // FLOAT without a precision is double precision in standard SQL and PostgreSQL.
      Map.entry("float", new Spelling(DOUBLE, Size.NONE)),
      Map.entry("float8", new Spelling(DOUBLE, Size.NONE)),
      Map.entry("double", new Spelling(DOUBLE, Size.NONE)),
      Map.entry("double precision", new Spelling(DOUBLE, Size.NONE)),
      Map.entry("boolean", new Spelling(BOOLEAN, Size.NONE)),
      Map.entry("bool", new Spelling(BOOLEAN, Size.NONE)),
      Map.entry("date", new Spelling(DATE, Size.NONE)),
      Map.entry("time", new Spelling(TIME, Size.FRACTIONAL_SECONDS)),
      Map.entry("time without time zone", new Spelling(TIME, Size.FRACTIONAL_SECONDS)),
      Map.entry("timestamp", new Spelling(TIMESTAMP, Size.FRACTIONAL_SECONDS)),
      Map.entry("timestamp without time zone", new Spelling(TIMESTAMP, Size.FRACTIONAL_SECONDS)),
      Map.entry("datetime", new Spelling(TIMESTAMP, Size.FRACTIONAL_SECONDS)),
      // An instant, shown in the reader's zone: Calcite's name for what PostgreSQL's timestamptz stores.
      Map.entry("timestamptz", new Spelling(TIMESTAMP_WITH_LOCAL_TIME_ZONE, Size.FRACTIONAL_SECONDS)),
      Map.entry("timestamp with time zone", new Spelling(TIMESTAMP_WITH_LOCAL_TIME_ZONE, Size.FRACTIONAL_SECONDS)),
      Map.entry("varbinary", new Spelling(VARBINARY, Size.LENGTH)),
      Map.entry("bytea", new Spelling(VARBINARY, Size.NONE)));

  private ColumnTypes() {}

  /** @param property an ODCS v3 property */
  static ColumnType of(ContractNode property) {
    ContractNode logicalNode = property.field("logicalType");
    Optional<LogicalType> logical = LogicalType.read(logicalNode);
    ContractNode physical = property.field("physicalType");
    if (physical.isMissing()) {
      return logical.orElseThrow(() -> property.fail("has neither physicalType nor logicalType; expected at least"
              + " one, e.g. physicalType: varchar(100)"))
          .columnType(property.field("logicalTypeOptions"));
    }
    ColumnType type = physical(physical);
    logical.ifPresent(l -> l.requireMatch(type, logicalNode));
    return type;
  }

  private static ColumnType physical(ContractNode node) {
    String written = node.text("a type such as varchar(100), bigint or decimal(10,2)");
    String base = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    String first = null;
    String second = null;
    Matcher sized = SIZED.matcher(base);
    if (sized.matches()) {
      base = (sized.group(1) + " " + sized.group(4)).trim();
      first = sized.group(2);
      second = sized.group(3);
    }
    Spelling spelling = SPELLINGS.get(base);
    if (spelling == null) {
      throw node.fail("`" + written + "` is not a supported type; expected one of " + new TreeSet<>(SPELLINGS.keySet())
          + ", with (n) for a length or (p, s) for a decimal");
    }
    boolean tooMany = second != null && spelling.size() != Size.PRECISION_SCALE;
    if (tooMany || (first != null && spelling.size() == Size.NONE)) {
      throw node.fail("`" + written + "` gives " + base + " a size it does not take; expected "
          + switch (spelling.size()) {
            case NONE -> base + " without parentheses";
            case LENGTH -> base + "(n)";
            case FRACTIONAL_SECONDS -> base + "(digits of fractional seconds)";
            case PRECISION_SCALE -> base + "(p, s)";
          });
    }
    return sized(node, written, spelling, first == null ? -1 : Integer.parseInt(first),
        second == null ? -1 : Integer.parseInt(second));
  }

  private static ColumnType sized(ContractNode node, String written, Spelling spelling, int first, int second) {
    SqlTypeName type = spelling.type();
    if (spelling.size() == Size.PRECISION_SCALE) {
      // decimal(p) means decimal(p, 0) in SQL; a bare decimal promises no particular size.
      int scale = first == -1 ? -1 : Math.max(second, 0);
      if (first == 0 || scale > first) {
        throw node.fail("`" + written + "` is not a valid decimal; expected a precision of at least 1 and a scale"
            + " from 0 to the precision");
      }
      return new ColumnType(type, first, scale, written);
    }
    if (spelling.size() == Size.LENGTH && first == 0) {
      throw node.fail("`" + written + "` has length 0; expected a length of at least 1");
    }
    if (spelling.size() == Size.FRACTIONAL_SECONDS && first > 9) {
      throw node.fail("`" + written + "` asks for " + first + " digits of fractional seconds; expected 0 to 9");
    }
    // A bare CHAR is CHAR(1) in SQL.
    int precision = type == CHAR && first == -1 ? 1 : first;
    return new ColumnType(type, precision, -1, written);
  }
}
