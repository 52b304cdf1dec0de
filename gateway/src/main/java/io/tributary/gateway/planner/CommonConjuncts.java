package io.tributary.gateway.planner;

import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Conditions of the form {@code (a AND b) OR (a AND c)} rewritten as {@code a AND (b OR c)}, in
 * every filter and join. A conjunct common to every branch of an {@code OR} then stands on its own:
 * a join key becomes an equi-join condition (TPC-H Q19: {@code p_partkey = l_partkey} in each of
 * three branches), a filter on one table reaches that table's store.
 */
final class CommonConjuncts extends RelHomogeneousShuttle {

  private CommonConjuncts() {}

  static RelNode pullOut(RelNode rel) {
    return rel.accept(new CommonConjuncts());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (rel instanceof Filter filter) {
      RexNode condition = pull(filter, filter.getCondition());
      return condition == filter.getCondition() ? filter : filter.copy(filter.getTraitSet(), filter.getInput(), condition);
    }
    if (rel instanceof Join join) {
      RexNode condition = pull(join, join.getCondition());
      return condition == join.getCondition() ? join
          : join.copy(join.getTraitSet(), condition, join.getLeft(), join.getRight(), join.getJoinType(), join.isSemiJoinDone());
    }
    return rel;
  }

  /** The condition with common factors pulled out, or the very same one when it has none. */
  private static RexNode pull(RelNode rel, RexNode condition) {
    RexNode pulled = RexUtil.pullFactors(rel.getCluster().getRexBuilder(), condition);
    return pulled.equals(condition) ? condition : pulled;
  }
}
