package io.tributary.gateway.engine.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Util;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's spellings that Calcite has under another name, rewritten right after parsing:
 * {@code now()}, {@code date_trunc('unit', x)}, {@code trunc(x)}, {@code date_part} (a double
 * precision, as in PostgreSQL), type names such as {@code text} and {@code int8}, and
 * {@code numeric} without precision; and the day of the week, which PostgreSQL counts from 0 on
 * Sunday and Calcite from 1.
 */
final class PostgresRewrites extends SqlShuttle {
  /** Numeric without precision holds any value in PostgreSQL; here it is this wide. */
  static final int NUMERIC_PRECISION = 38;
  static final int NUMERIC_SCALE = 16;

  private static final Map<String, SqlTypeName> TYPE_NAMES = Map.of("text", SqlTypeName.VARCHAR,
      "int2", SqlTypeName.SMALLINT, "int4", SqlTypeName.INTEGER, "int8", SqlTypeName.BIGINT,
      "float4", SqlTypeName.REAL, "float8", SqlTypeName.DOUBLE, "bool", SqlTypeName.BOOLEAN);

  /** The units {@code date_trunc} takes, but {@code week}, which starts on Monday in PostgreSQL. */
  private static final Map<String, TimeUnit> TRUNCATION_UNITS = Map.of("second", TimeUnit.SECOND,
      "minute", TimeUnit.MINUTE, "hour", TimeUnit.HOUR, "day", TimeUnit.DAY, "month", TimeUnit.MONTH,
      "quarter", TimeUnit.QUARTER, "year", TimeUnit.YEAR);

  static final PostgresRewrites INSTANCE = new PostgresRewrites();

  private PostgresRewrites() {}

  @Override
  public @Nullable SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall rewritten)) {
      return visited;
    }
    SqlParserPos pos = rewritten.getParserPosition();
    List<SqlNode> operands = rewritten.getOperandList();
    if (rewritten.getOperator() == SqlStdOperatorTable.EXTRACT) {
      return extract((SqlIntervalQualifier) operands.get(0), operands.get(1), pos);
    }
    if (rewritten.getOperator() == SqlLibraryOperators.DATE_PART) {
      return SqlStdOperatorTable.CAST.createCall(pos, extract(field(operands.get(0)), operands.get(1), pos),
          type(SqlTypeName.DOUBLE, pos));
    }
    if (rewritten.getOperator() == SqlLibraryOperators.DATE_TRUNC && operands.get(0) instanceof SqlCharStringLiteral) {
      return truncate(operands.get(0), operands.get(1), pos);
    }
    if (!(rewritten.getOperator() instanceof SqlUnresolvedFunction)) {
      return rewritten;
    }
    return switch (rewritten.getOperator().getName().toLowerCase(Locale.ROOT)) {
      case "now" -> operands.isEmpty() ? SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(pos) : rewritten;
      // MySQL's TRUNCATE, which a store may run, wants the number of decimals.
      case "trunc" -> operands.size() == 1
          ? SqlStdOperatorTable.TRUNCATE.createCall(pos, operands.get(0), SqlLiteral.createExactNumeric("0", pos))
          : SqlStdOperatorTable.TRUNCATE.createCall(pos, operands);
      default -> rewritten;
    };
  }

  @Override
  public SqlNode visit(SqlDataTypeSpec type) {
    SqlTypeNameSpec name = type.getTypeNameSpec();
    SqlParserPos pos = type.getParserPosition();
    if (name instanceof SqlUserDefinedTypeNameSpec named && named.getTypeName().isSimple()) {
      SqlTypeName builtIn = TYPE_NAMES.get(named.getTypeName().getSimple().toLowerCase(Locale.ROOT));
      return builtIn == null ? type : type(builtIn, pos);
    }
    if (name instanceof SqlBasicTypeNameSpec basic && basic.getPrecision() < 0
        && SqlTypeName.DECIMAL.getName().equalsIgnoreCase(basic.getTypeName().getSimple())) {
      return new SqlDataTypeSpec(
          new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, NUMERIC_PRECISION, NUMERIC_SCALE, pos), pos);
    }
    return type;
  }

  /** EXTRACT, counting the day of the week from 0 on Sunday. */
  private static SqlNode extract(SqlIntervalQualifier field, SqlNode value, SqlParserPos pos) {
    SqlNode extract = SqlStdOperatorTable.EXTRACT.createCall(pos, field, value);
    return field.timeUnitRange == TimeUnitRange.DOW
        ? SqlStdOperatorTable.MINUS.createCall(pos, extract, SqlLiteral.createExactNumeric("1", pos))
        : extract;
  }

  /** The field {@code date_part} names, as a string ({@code 'year'}) or a name ({@code year}). */
  private static SqlIntervalQualifier field(SqlNode unit) {
    if (unit instanceof SqlIntervalQualifier qualifier) {
      return qualifier;
    }
    String name = unit instanceof SqlCharStringLiteral text ? text.getValueAs(String.class) : unit.toString();
    TimeUnit timeUnit = Util.enumVal(TimeUnit.class, name.toUpperCase(Locale.ROOT));
    if (timeUnit == null) {
      throw new IllegalArgumentException("date_part: unknown field `" + name + "`");
    }
    return new SqlIntervalQualifier(timeUnit, null, unit.getParserPosition());
  }

  /** {@code date_trunc('unit', x)}: the timestamp at the start of the unit that holds {@code x}. */
  private static SqlNode truncate(SqlNode unit, SqlNode value, SqlParserPos pos) {
    if (!(unit instanceof SqlCharStringLiteral text)) {
      throw new IllegalArgumentException("date_trunc: the unit must be a string such as 'month'");
    }
    String name = text.getValueAs(String.class).toLowerCase(Locale.ROOT);
    SqlNode timestamp = SqlStdOperatorTable.CAST.createCall(pos, value, type(SqlTypeName.TIMESTAMP, pos));
    if (name.equals("week")) {
      // The Monday before: Calcite's weeks start on Sunday.
      SqlNode daysSinceMonday = SqlStdOperatorTable.MINUS.createCall(pos,
          SqlStdOperatorTable.EXTRACT.createCall(pos, new SqlIntervalQualifier(TimeUnit.ISODOW, null, pos),
              timestamp),
          SqlLiteral.createExactNumeric("1", pos));
      SqlNode oneDay = SqlLiteral.createInterval(1, "1", new SqlIntervalQualifier(TimeUnit.DAY, null, pos), pos);
      return SqlStdOperatorTable.MINUS.createCall(pos, floor(timestamp, TimeUnit.DAY, pos),
          SqlStdOperatorTable.MULTIPLY.createCall(pos, oneDay, daysSinceMonday));
    }
    TimeUnit timeUnit = TRUNCATION_UNITS.get(name);
    if (timeUnit == null) {
      throw new IllegalArgumentException("date_trunc: unit `" + name + "` is not supported; expected one of "
          + "second, minute, hour, day, week, month, quarter, year");
    }
    return floor(timestamp, timeUnit, pos);
  }

  private static SqlNode floor(SqlNode timestamp, TimeUnit unit, SqlParserPos pos) {
    return SqlStdOperatorTable.FLOOR.createCall(pos, timestamp, new SqlIntervalQualifier(unit, null, pos));
  }

  private static SqlDataTypeSpec type(SqlTypeName name, SqlParserPos pos) {
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(name, pos), pos);
  }
}
