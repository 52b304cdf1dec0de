package io.tributary.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectToWindowRule;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's JDBC convention for one domain's store, with every pushdown rule, except that
 * <ul>
 *   <li>filters, projections and aggregates go into the store only when it
 *       {@link StoreFunctions computes} each of their functions as the gateway does;</li>
 *   <li>results come back through {@link TemporalParameterConverter} so date and time parameters
 *       reach the store as dates and times;</li>
 *   <li>window functions split from logical projections only: Calcite 1.42's rule also splits a
 *       projection already in this convention into a window the store cannot run, and planning
 *       fails (CALCITE-7616, fixed after 1.42).</li>
 * </ul>
 */
final class StoreConvention extends JdbcConvention {
  private static final RelOptRule WINDOWS_FROM_LOGICAL_PROJECTS =
      ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
          .withOperandSupplier(b -> b.operand(LogicalProject.class).predicate(Project::containsOver).anyInputs())
          .withDescription("ProjectToWindowRule:logicalProject")
          .as(ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig.class)
          .toRule();

  private final StoreFunctions functions;

  StoreConvention(SqlDialect dialect, Expression expression, String name, StoreFunctions functions) {
    super(dialect, expression, name);
    this.functions = functions;
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : JdbcRules.rules(this)) {
      if (rule instanceof JdbcRules.JdbcFilterRule filters) {
        planner.addRule(new StoreFilterRule(filters, functions));
      } else if (rule instanceof JdbcRules.JdbcProjectRule projects) {
        planner.addRule(new StoreProjectRule(projects, functions));
      } else if (rule instanceof JdbcRules.JdbcAggregateRule aggregates) {
        planner.addRule(new StoreAggregateRule(aggregates, functions));
      } else if (!(rule instanceof JdbcToEnumerableConverterRule)) {
        planner.addRule(rule);
      }
    }
    planner.addRule(TemporalParameterConverter.rule(this));
    if (planner.removeRule(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)) {
      planner.addRule(WINDOWS_FROM_LOGICAL_PROJECTS);
    }
    // What JdbcConvention.register adds besides its rules.
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    planner.addRule(CoreRules.PROJECT_REMOVE);
  }

  /**
   * Calcite's filter pushdown, for the conditions the store computes as the gateway would: of a
   * conjunction, what the store computes goes into the store and the rest filters its rows here.
   */
  private static final class StoreFilterRule extends JdbcRules.JdbcFilterRule {
    private final StoreFunctions functions;

    StoreFilterRule(JdbcRules.JdbcFilterRule rule, StoreFunctions functions) {
      super(rule.config);
      this.functions = functions;
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      Filter filter = call.rel(0);
      return super.matches(call)
          && RelOptUtil.conjunctions(filter.getCondition()).stream().anyMatch(c -> functions.computesAll(List.of(c)));
    }

    @Override
    public @Nullable RelNode convert(RelNode rel) {
      Filter filter = (Filter) rel;
      List<RexNode> inStore = new ArrayList<>();
      List<RexNode> here = new ArrayList<>();
      for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
        (functions.computesAll(List.of(conjunct)) ? inStore : here).add(conjunct);
      }
      if (here.isEmpty()) {
        return super.convert(rel);
      }
      RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
      RelNode input = convert(filter.getInput(), filter.getInput().getTraitSet().replace(out));
      RelNode pushed = new JdbcRules.JdbcFilter(filter.getCluster(), filter.getTraitSet().replace(out), input,
          RexUtil.composeConjunction(rexBuilder, inStore));
      return LogicalFilter.create(pushed, RexUtil.composeConjunction(rexBuilder, here));
    }
  }

  /** Calcite's projection pushdown, for expressions the store computes as the gateway would. */
  private static final class StoreProjectRule extends JdbcRules.JdbcProjectRule {
    private final StoreFunctions functions;

    StoreProjectRule(JdbcRules.JdbcProjectRule rule, StoreFunctions functions) {
      super(rule.config);
      this.functions = functions;
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      Project project = call.rel(0);
      return super.matches(call) && functions.computesAll(project.getProjects());
    }
  }

  /** Calcite's aggregate pushdown, for aggregate functions the store computes as the gateway would. */
  private static final class StoreAggregateRule extends JdbcRules.JdbcAggregateRule {
    private final StoreFunctions functions;

    StoreAggregateRule(JdbcRules.JdbcAggregateRule rule, StoreFunctions functions) {
      super(rule.config);
      this.functions = functions;
    }

    @Override
    public boolean matches(RelOptRuleCall call) {
      Aggregate aggregate = call.rel(0);
      return super.matches(call)
          && aggregate.getAggCallList().stream().allMatch(c -> functions.aggregates(c.getAggregation()));
    }
  }
}
