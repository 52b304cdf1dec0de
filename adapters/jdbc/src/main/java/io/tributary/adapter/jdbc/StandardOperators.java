package io.tributary.adapter.jdbc;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/** The standard operators, which {@link StoreFunctions} describe stores with. */
final class StandardOperators {
  static final Set<SqlOperator> ALL = identitySet(SqlStdOperatorTable.instance().getOperatorList());

  /**
   * Functions of the moment and of the session's time zone: the gateway's clock and zone (UTC)
   * define them, not each store's.
   */
  private static final Set<SqlOperator> CLOCK = identitySet(List.of(SqlStdOperatorTable.CURRENT_TIMESTAMP,
      SqlStdOperatorTable.CURRENT_DATE, SqlStdOperatorTable.CURRENT_TIME, SqlStdOperatorTable.LOCALTIMESTAMP,
      SqlStdOperatorTable.LOCALTIME));

  private StandardOperators() {}

  static boolean readsClock(RexCall call) {
    return CLOCK.contains(call.getOperator());
  }

  private static Set<SqlOperator> identitySet(List<SqlOperator> operators) {
    Set<SqlOperator> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(operators);
    return Collections.unmodifiableSet(set);
  }
}
