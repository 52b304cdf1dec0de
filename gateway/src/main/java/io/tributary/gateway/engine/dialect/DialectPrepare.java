package io.tributary.gateway.engine.dialect;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rex.RexBuilder;

/**
 * Statement preparation that computes as PostgreSQL does where Calcite's runtime differs:
 * decimal quotients to the scale of their type (see {@link ExactQuotients}).
 */
public class DialectPrepare extends CalcitePrepareImpl {

  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    return super.createCluster(planner, new ExactQuotients(rexBuilder.getTypeFactory()));
  }
}
