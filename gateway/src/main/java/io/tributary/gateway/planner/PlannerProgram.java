package io.tributary.gateway.planner;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.plan.RelOptCostImpl;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.JoinPushThroughJoinRule;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * How the gateway plans a statement: Calcite's standard program, except that joins are ordered
 * before the cost-based (Volcano) phase, by heuristics over whole multi-way joins, and that phase
 * then never reorders them. Volcano's exhaustive join rules (commute, associate, push-through)
 * explore every order of every join: tens of seconds for TPC-H's five-way joins, minutes for
 * eight-way ones. Here the cost-based choices stay: the heuristic ordering compares one candidate
 * tree per starting table by cost, and Volcano still picks algorithms and what each store runs.
 *
 * <p>Tables of one store are first grouped into one join where the estimate says the store's
 * result is not larger than what it would send anyway ({@link StoreJoinGroups}), so the store
 * runs that join and the gateway joins only what crosses stores.
 */
public final class PlannerProgram {
  /**
   * From this many joins on, joins are ordered heuristically; below it Volcano's exhaustive search
   * is quick (one or two joins have at most a handful of orders) and is kept.
   */
  static final int HEURISTIC_JOIN_COUNT = 3;

  /** The rules that make Volcano's join search exhaustive. */
  private static final List<RelOptRule> EXHAUSTIVE_JOIN_RULES = List.of(CoreRules.JOIN_COMMUTE,
      CoreRules.JOIN_ASSOCIATE, JoinPushThroughJoinRule.LEFT, JoinPushThroughJoinRule.RIGHT);

  /** Join conditions pushed to the joins they belong to, then each tree of inner joins made one multi-join. */
  private static final HepProgram TO_MULTI_JOINS = HepProgram.builder()
      .addRuleCollection(List.of(CoreRules.FILTER_INTO_JOIN, CoreRules.JOIN_CONDITION_PUSH))
      .addMatchOrder(HepMatchOrder.BOTTOM_UP)
      .addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN)
      .build();

  private static final HepProgram ORDER_MULTI_JOINS = HepProgram.builder()
      .addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE)
      .build();

  private static final Program PROGRAM = Programs.sequence(
      Programs.subQuery(PlannerMetadata.PROVIDER),
      Programs.decorrelate(),
      Programs.measure(PlannerMetadata.PROVIDER),
      PlannerProgram::orderJoins,
      Programs.trim(),
      PlannerProgram::costBased,
      // Calcite's second pass of physical tweaks, as in its standard program.
      Programs.calc(PlannerMetadata.PROVIDER));

  private PlannerProgram() {}

  /** The program every statement is planned with. */
  public static Program program() {
    return PROGRAM;
  }

  private static RelNode orderJoins(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    RelNode pulled = CommonConjuncts.pullOut(rel);
    if (RelOptUtil.countJoins(pulled) < HEURISTIC_JOIN_COUNT) {
      return pulled;
    }
    EXHAUSTIVE_JOIN_RULES.forEach(planner::removeRule);
    RelNode multiJoins = hep(planner, TO_MULTI_JOINS, pulled);
    return hep(planner, ORDER_MULTI_JOINS, StoreJoinGroups.group(multiJoins));
  }

  /** Runs a heuristic phase under the statement's planner context, so its deadline stops it too. */
  private static RelNode hep(RelOptPlanner planner, HepProgram program, RelNode rel) {
    HepPlanner hep = new HepPlanner(program, planner.getContext(), false, null, RelOptCostImpl.FACTORY);
    rel.getCluster().setMetadataProvider(PlannerMetadata.PROVIDER);
    rel.getCluster().invalidateMetadataQuery();
    hep.setRoot(rel);
    return hep.findBestExp();
  }

  /**
   * Calcite's cost-based phase, as its standard program runs it, with one more rule: an {@code ORDER
   * BY … LIMIT n} the stores cannot run becomes a top-N that keeps n rows (Calcite leaves it out of its
   * defaults, and sorts every row, then takes n); and the statement's {@link Substitutes}, which it
   * reads instead of the query they hold where that costs less.
   */
  private static RelNode costBased(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
    planner.addRule(EnumerableRules.ENUMERABLE_LIMIT_SORT_RULE);
    materializations.forEach(planner::addMaterialization);
    Substitutes substitutes = planner.getContext().maybeUnwrap(Substitutes.class).orElse(Substitutes.NONE);
    substitutes.forQuery(rel).forEach(planner::addMaterialization);
    lattices.forEach(planner::addLattice);
    planner.setRoot(rel);
    RelNode root = rel.getTraitSet().equals(requiredOutputTraits) ? rel : planner.changeTraits(rel, requiredOutputTraits);
    planner.setRoot(root);
    return planner.chooseDelegate().findBestExp();
  }
}
