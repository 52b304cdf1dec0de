package io.tributary.gateway.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMdSelectivity;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Selectivity of an equi-join from the distinct values of its keys: {@code 1 / max(ndv(left keys),
 * ndv(right keys))}, the textbook estimate that makes a foreign-key join as large as its fact
 * side. Calcite's default guesses 0.15 per equality, which makes {@code lineitem ⋈ orders}
 * thousands of times larger than {@code lineitem} and join orders follow the guess instead of the
 * data. Other conditions keep Calcite's estimate.
 */
final class JoinSelectivity extends RelMdSelectivity {

  @Override
  public @Nullable Double getSelectivity(Join join, RelMetadataQuery mq, @Nullable RexNode predicate) {
    if (predicate == null || !(join.getJoinType() == JoinRelType.INNER || join.getJoinType().isOuterJoin())) {
      return super.getSelectivity(join, mq, predicate);
    }
    int leftFields = join.getLeft().getRowType().getFieldCount();
    ImmutableBitSet.Builder leftKeys = ImmutableBitSet.builder();
    ImmutableBitSet.Builder rightKeys = ImmutableBitSet.builder();
    List<RexNode> equalities = new ArrayList<>();
    List<RexNode> others = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(predicate)) {
      int[] keys = equiKeys(conjunct, leftFields);
      if (keys == null) {
        others.add(conjunct);
      } else {
        leftKeys.set(keys[0]);
        rightKeys.set(keys[1] - leftFields);
        equalities.add(conjunct);
      }
    }
    double rest = RelMdUtil.guessSelectivity(RexUtil.composeConjunction(join.getCluster().getRexBuilder(), others));
    if (equalities.isEmpty()) {
      return rest;
    }
    Double distinct = larger(mq.getDistinctRowCount(join.getLeft(), leftKeys.build(), null),
        mq.getDistinctRowCount(join.getRight(), rightKeys.build(), null));
    double keys = distinct == null
        ? RelMdUtil.guessSelectivity(RexUtil.composeConjunction(join.getCluster().getRexBuilder(), equalities))
        : 1 / Math.max(distinct, 1);
    return keys * rest;
  }

  /** The left and right field of {@code left = right} across the join's inputs, or null. */
  private static int @Nullable [] equiKeys(RexNode conjunct, int leftFields) {
    if (!(conjunct.isA(SqlKind.EQUALS) || conjunct.isA(SqlKind.IS_NOT_DISTINCT_FROM))) {
      return null;
    }
    List<RexNode> operands = ((RexCall) conjunct).getOperands();
    if (!(operands.get(0) instanceof RexInputRef a) || !(operands.get(1) instanceof RexInputRef b)) {
      return null;
    }
    int first = Math.min(a.getIndex(), b.getIndex());
    int second = Math.max(a.getIndex(), b.getIndex());
    return first < leftFields && second >= leftFields ? new int[] {first, second} : null;
  }

  private static @Nullable Double larger(@Nullable Double a, @Nullable Double b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.max(a, b);
  }
}
