package io.tributary.gateway.engine;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * The input of an operator that keeps its rows, counted on its way in ({@link HeldRows}); placed
 * by {@link HeldInputs} after planning, so it never changes which plan is chosen.
 */
final class HeldInput extends SingleRel implements EnumerableRel {
  private final int site;
  private final String operator;
  /** The group keys of an aggregate, or null when every row is kept. */
  private final int[] keys;
  private final int accumulators;

  HeldInput(RelNode input, int site, String operator, int[] keys, int accumulators) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.site = site;
    this.operator = operator;
    this.keys = keys;
    this.accumulators = accumulators;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new HeldInput(sole(inputs), site, operator, keys, accumulators);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    BlockBuilder builder = new BlockBuilder();
    Expression rows = builder.append("held", input.block);
    Expression counted = keys == null
        ? Expressions.call(HeldRows.HELD, rows, Expressions.constant(site), Expressions.constant(operator))
        : Expressions.call(HeldRows.GROUPED, rows, Expressions.constant(site), Expressions.constant(operator),
            Expressions.newArrayInit(int.class, java.util.Arrays.stream(keys).mapToObj(Expressions::constant).toList()),
            Expressions.constant(accumulators));
    builder.add(Expressions.return_(null, counted));
    return implementor.result(input.physType, builder.toBlock());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("holds", operator);
  }
}
