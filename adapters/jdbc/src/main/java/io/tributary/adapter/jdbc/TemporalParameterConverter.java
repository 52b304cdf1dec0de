package io.tributary.adapter.jdbc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.tree.BlockStatement;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.linq4j.tree.MethodCallExpression;
import org.apache.calcite.linq4j.tree.Shuttle;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Calcite's JDBC-to-enumerable converter whose generated code binds date, time and timestamp
 * parameters as such. Calcite hands a parameter to the store in its internal form (days or
 * milliseconds as a number), which the store rejects ({@code date = integer}); the parameter's
 * SQL type, known here, lets {@link TemporalParameters} convert it back.
 */
final class TemporalParameterConverter extends JdbcToEnumerableConverter {
  private TemporalParameterConverter(RelOptCluster cluster, RelTraitSet traits, RelNode input) {
    super(cluster, traits, input);
  }

  /** The rule that puts this converter between a store's operators and the gateway's. */
  static ConverterRule rule(JdbcConvention store) {
    return ConverterRule.Config.INSTANCE
        .withConversion(RelNode.class, store, EnumerableConvention.INSTANCE, "TemporalParameterConverterRule")
        .withRuleFactory(config -> new ConverterRule(config) {
          @Override
          public RelNode convert(RelNode rel) {
            return new TemporalParameterConverter(rel.getCluster(), rel.getTraitSet().replace(getOutTrait()), rel);
          }
        })
        .toRule(ConverterRule.class);
  }

  /** Plans read as Calcite's: the binding of parameters is not something a user needs to see. */
  @Override
  public String getRelTypeName() {
    return JdbcToEnumerableConverter.class.getSimpleName();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new TemporalParameterConverter(getCluster(), traitSet, sole(inputs));
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Result result = super.implement(implementor, pref);
    Map<Integer, SqlTypeName> temporal = temporalParameters(getInput());
    if (temporal.isEmpty()) {
      return result;
    }
    BlockStatement block = (BlockStatement) result.block.accept(new Shuttle() {
      @Override
      public Expression visit(MethodCallExpression call, Expression target, List<Expression> arguments) {
        if (call.method.equals(BuiltInMethod.CREATE_ENRICHER.method)) {
          return Expressions.call(TemporalParameters.class, "createEnricher", arguments.get(0),
              Expressions.constant(TemporalParameters.describe(temporal)), arguments.get(1));
        }
        return super.visit(call, target, arguments);
      }
    });
    return new Result(block, result.physType, result.format);
  }

  /** The date, time and timestamp parameters the store's part of the plan uses, by index. */
  private static Map<Integer, SqlTypeName> temporalParameters(RelNode plan) {
    Map<Integer, SqlTypeName> found = new TreeMap<>();
    RexShuttle collect = new RexShuttle() {
      @Override
      public RexNode visitDynamicParam(RexDynamicParam param) {
        SqlTypeName type = param.getType().getSqlTypeName();
        if (TemporalParameters.CONVERTED.contains(type)) {
          found.put(param.getIndex(), type);
        }
        return param;
      }
    };
    collect(plan, collect);
    return found;
  }

  private static void collect(RelNode rel, RexShuttle collect) {
    rel.accept(collect);
    rel.getInputs().forEach(input -> collect(input, collect));
  }
}
