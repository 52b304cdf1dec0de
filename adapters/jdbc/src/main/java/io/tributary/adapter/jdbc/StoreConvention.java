package io.tributary.adapter.jdbc;

import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverterRule;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.sql.SqlDialect;

/**
 * Calcite's JDBC convention for one domain's store, with every pushdown rule, except that results
 * come back through {@link TemporalParameterConverter} so date and time parameters reach the store
 * as dates and times.
 */
final class StoreConvention extends JdbcConvention {

  StoreConvention(SqlDialect dialect, Expression expression, String name) {
    super(dialect, expression, name);
  }

  @Override
  public void register(RelOptPlanner planner) {
    for (RelOptRule rule : JdbcRules.rules(this)) {
      if (!(rule instanceof JdbcToEnumerableConverterRule)) {
        planner.addRule(rule);
      }
    }
    planner.addRule(TemporalParameterConverter.rule(this));
    // What JdbcConvention.register adds besides its rules.
    planner.addRule(CoreRules.FILTER_SET_OP_TRANSPOSE);
    planner.addRule(CoreRules.PROJECT_REMOVE);
  }
}
