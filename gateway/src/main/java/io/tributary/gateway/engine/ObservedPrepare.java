package io.tributary.gateway.engine;

import io.tributary.gateway.engine.dialect.DialectPrepare;
import io.tributary.gateway.planner.PlannerMetadata;
import io.tributary.gateway.planner.PlannerProgram;
import io.tributary.gateway.product.ProductTable;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.CancelFlag;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation as the engine runs it: planned with the gateway's
 * {@link PlannerProgram} (heuristic join order, then cost-based choices), it shows the engine the
 * plan of every statement a session prepares, refuses statements that would change data before anything is
 * planned, lets the query's cancellation stop the planner, and counts the rows of every execution
 * ({@link TrackedSignature}). Both doors prepare through the engine's sessions, so this is the one
 * place that sees every query, whichever door it came through.
 */
final class ObservedPrepare extends DialectPrepare {
  /** The gateway's planning, then the marks that let {@code limits.maxQueryMemory} count what operators keep. */
  private static final Program PROGRAM = Programs.sequence(PlannerProgram.program(), HeldInputs.PROGRAM);
  private final Consumer<List<RelNode>> planned;
  private final long maxRows;

  /**
   * @param planned told of each statement planned without error: its plans with unused fields trimmed
   * @param maxRows how many rows one execution may return
   */
  ObservedPrepare(Consumer<List<RelNode>> planned, long maxRows) {
    this.planned = planned;
    this.maxRows = maxRows;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, CalcitePrepare.Query<T> query,
      Type elementType, long maxRowCount) {
    PlanCache cache = QueryRun.current().map(QueryRun::plans).orElse(null);
    String offered = QueryRun.current().map(run -> run.substitutes().key()).orElse("");
    String key = query.sql == null ? null : maxRowCount + ":" + offered + ":" + query.sql;
    List<RelNode> plans = new ArrayList<>();
    CalciteSignature<T> signature;
    try (Hook.Closeable refuseWrites = Hook.PARSE_TREE.addThread((Object[] parsed) -> refuseWrites((SqlNode) parsed[1]));
        Hook.Closeable program = Hook.PROGRAM.addThread((Holder<Program> h) -> h.set(PROGRAM));
        Hook.Closeable capture = Hook.TRIMMED.addThread((RelNode rel) -> plans.add(rel))) {
      PlanCache.Plan known = cache == null || key == null ? null : cache.get(key);
      if (known != null) {
        checkServable(known, cache, key);
        // Whoever watches planning (warnings, table usage) sees the plan as if it were made now.
        known.trimmed().forEach(Hook.TRIMMED::run);
        @SuppressWarnings("unchecked")
        CalciteSignature<T> reused = (CalciteSignature<T>) known.signature();
        signature = reused;
      } else {
        signature = new TrackedSignature<>(super.prepareSql(context, query, elementType, maxRowCount), maxRows);
        if (cache != null && key != null) {
          cache.put(key, new PlanCache.Plan(signature, List.copyOf(plans)));
        }
      }
    }
    planned.accept(plans);
    return signature;
  }

  /**
   * Fails the statement as planning would if a data product the cached plan reads is no longer
   * served or kept: planning checks them, so a plan made earlier is checked again.
   */
  private static void checkServable(PlanCache.Plan plan, PlanCache cache, String key) {
    try {
      for (RelNode rel : plan.trimmed()) {
        for (RelOptTable table : RelOptUtil.findTables(rel)) {
          ProductTable product = table.unwrap(ProductTable.class);
          if (product != null) {
            product.checkServable();
          }
        }
      }
    } catch (RuntimeException e) {
      cache.forget(key);
      throw e;
    }
  }

  /**
   * The planners of a query stop at their next rule once the query is cancelled, and may read the
   * materializations the query's session may use.
   */
  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext,
      org.apache.calcite.plan.@Nullable Context externalContext, @Nullable RelOptCostFactory costFactory) {
    org.apache.calcite.plan.Context context = externalContext == null ? Contexts.of(prepareContext.config()) : externalContext;
    org.apache.calcite.plan.Context withCancel = QueryRun.current()
        .map(run -> Contexts.chain(Contexts.of(new CancelFlag(run.plannerCancel()), run.substitutes()), context))
        .orElse(context);
    return super.createPlanner(prepareContext, withCancel, costFactory);
  }

  /** Join sizes follow the distinct values of the join keys ({@link PlannerMetadata}). */
  @Override
  protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
    RelOptCluster cluster = super.createCluster(planner, rexBuilder);
    cluster.setMetadataProvider(PlannerMetadata.PROVIDER);
    return cluster;
  }

  /** The gateway only reads: a statement that would change data or definitions never reaches a store. */
  private static void refuseWrites(SqlNode statement) {
    SqlKind kind = statement.getKind();
    if (kind.belongsTo(SqlKind.DML) || kind.belongsTo(SqlKind.DDL)) {
      throw new ReadOnlyException(kind);
    }
  }
}
