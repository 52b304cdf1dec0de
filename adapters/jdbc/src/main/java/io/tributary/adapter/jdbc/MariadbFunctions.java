package io.tributary.adapter.jdbc;

import java.util.Set;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * What MariaDB and MySQL compute as PostgreSQL does: the standard operators, except those the
 * MySQL dialect writes with another meaning there.
 */
final class MariadbFunctions implements StoreFunctions {
  static final MariadbFunctions INSTANCE = new MariadbFunctions();

  /** Fields MySQL's EXTRACT (or the dialect's DAYOFWEEK, DAYOFYEAR) reads as PostgreSQL does; its WEEK is not ISO's. */
  private static final Set<TimeUnitRange> SAME_FIELDS = Set.of(TimeUnitRange.YEAR, TimeUnitRange.QUARTER,
      TimeUnitRange.MONTH, TimeUnitRange.DAY, TimeUnitRange.HOUR, TimeUnitRange.MINUTE, TimeUnitRange.DOW,
      TimeUnitRange.DOY);

  /**
   * The aggregates MySQL's dialect writes as themselves; EVERY, BOOL_AND and BOOL_OR share the
   * kinds of MIN and MAX but have no such name there.
   */
  private static final Set<SqlAggFunction> AGGREGATES = Set.of(SqlStdOperatorTable.COUNT, SqlStdOperatorTable.SUM,
      SqlStdOperatorTable.SUM0, SqlStdOperatorTable.MIN, SqlStdOperatorTable.MAX, SqlStdOperatorTable.SINGLE_VALUE);

  private MariadbFunctions() {}

  @Override
  public boolean aggregates(SqlAggFunction function) {
    return AGGREGATES.contains(function);
  }

  @Override
  public boolean computes(RexCall call) {
    if (!STANDARD.computes(call) || call instanceof RexOver) {
      // Window functions order NULLs first there, whatever the gateway asks for.
      return false;
    }
    return switch (call.getKind()) {
      // `/` gives decimals for integers, and decimal quotients to 4 more decimals only;
      // a cast to a narrower decimal saturates there instead of failing.
      case DIVIDE, CHECKED_DIVIDE -> !SqlTypeUtil.isExactNumeric(call.getType());
      case EXTRACT -> call.operands.get(0) instanceof RexLiteral unit
          && SAME_FIELDS.contains(unit.getValueAs(TimeUnitRange.class));
      // FLOOR(ts TO unit) becomes DATE_FORMAT text there; a plain FLOOR(x) stays a number.
      case FLOOR, CEIL -> call.operands.size() == 1;
      // SIMILAR TO, regular expressions and IS DISTINCT FROM have no such syntax there.
      case SIMILAR, POSIX_REGEX_CASE_SENSITIVE, POSIX_REGEX_CASE_INSENSITIVE, IS_DISTINCT_FROM,
          IS_NOT_DISTINCT_FROM -> false;
      default -> true;
    };
  }
}
