package io.tributary.gateway.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableAggregate;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.tools.Program;

/**
 * The last step of planning: marks the inputs whose rows an operator keeps in the gateway, so
 * that {@code limits.maxQueryMemory} can count them ({@link HeldInput}). Kept: the build (right)
 * side of a hash join and the inner side of a nested-loop join, a sort's input (not a top-N's,
 * which keeps only its limit), a window's input, the inputs of set operations that remove
 * duplicates, and an aggregate's groups. Streaming operators (merge joins, sorted aggregates,
 * filters, projections) keep nothing and are not marked.
 */
final class HeldInputs implements Program {
  static final Program PROGRAM = new HeldInputs();

  private HeldInputs() {}

  @Override
  public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    return mark(rel, new int[1]);
  }

  private static RelNode mark(RelNode rel, int[] sites) {
    List<RelNode> inputs = new ArrayList<>(rel.getInputs());
    boolean changed = false;
    for (int i = 0; i < inputs.size(); i++) {
      RelNode input = inputs.get(i);
      RelNode marked = held(rel, i, mark(input, sites), sites);
      changed |= marked != input;
      inputs.set(i, marked);
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }

  /** {@code input}, the {@code ordinal}th of {@code rel}, marked if {@code rel} keeps its rows. */
  private static RelNode held(RelNode rel, int ordinal, RelNode input, int[] sites) {
    if (rel instanceof EnumerableAggregate aggregate && !aggregate.getGroupSet().isEmpty()) {
      return new HeldInput(input, sites[0]++, "the groups of an aggregate", aggregate.getGroupSet().toArray(),
          aggregate.getAggCallList().size());
    }
    String operator = operator(rel, ordinal);
    return operator == null ? input : new HeldInput(input, sites[0]++, operator, null, 0);
  }

  private static String operator(RelNode rel, int ordinal) {
    if (rel instanceof EnumerableHashJoin && ordinal == 1) {
      return "the build side of a hash join";
    }
    if (rel instanceof EnumerableNestedLoopJoin && ordinal == 1) {
      return "the inner side of a nested-loop join";
    }
    if (rel instanceof EnumerableSort) {
      return "a sort";
    }
    if (rel instanceof EnumerableWindow) {
      return "a window function";
    }
    if (rel instanceof EnumerableUnion union && !union.all) {
      return "a UNION";
    }
    if (rel instanceof EnumerableMinus) {
      return "an EXCEPT";
    }
    if (rel instanceof EnumerableIntersect) {
      return "an INTERSECT";
    }
    return null;
  }
}
