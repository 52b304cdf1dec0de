package io.tributary.adapter.jdbc;

import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedAggFunction;
import org.apache.calcite.util.Util;

/**
 * Which calls a store computes exactly as the gateway would, so that an expression made of them
 * may be pushed into the store; any other expression runs in the gateway, on the rows the store
 * returns. The gateway speaks PostgreSQL's SQL: a PostgreSQL store runs all of it, another store
 * what its dialect writes with the same meaning.
 */
@FunctionalInterface
public interface StoreFunctions {
  /** The standard operators; library functions (PostgreSQL's among them) run in the gateway. */
  StoreFunctions STANDARD =
      call -> StandardOperators.ALL.contains(call.getOperator()) && !StandardOperators.readsClock(call);

  /** Every built-in function and operator; user-defined functions exist in the gateway only. */
  StoreFunctions ALL_BUILT_IN = call -> !(call.getOperator() instanceof SqlFunction function
      && function.getFunctionType().isUserDefined()) && !StandardOperators.readsClock(call);

  boolean computes(RexCall call);

  /** Whether the store computes this aggregate function as the gateway does. */
  default boolean aggregates(SqlAggFunction function) {
    return !(function instanceof SqlUserDefinedAggFunction);
  }

  /** Whether the store computes every call of every expression. */
  default boolean computesAll(List<? extends RexNode> expressions) {
    RexVisitorImpl<Void> check = new RexVisitorImpl<>(true) {
      @Override
      public Void visitCall(RexCall call) {
        if (!computes(call)) {
          throw Util.FoundOne.NULL;
        }
        return super.visitCall(call);
      }
    };
    try {
      expressions.forEach(e -> e.accept(check));
      return true;
    } catch (Util.FoundOne notComputed) {
      return false;
    }
  }
}
