package io.tributary.gateway.planner;

import java.util.List;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.rel.RelNode;

/**
 * Tables that hold the result of a query, which the cost-based phase may read instead of running
 * that query (Calcite's materialized-view rewriting: the same join with more filters, fewer
 * columns, or an aggregate that rolls up). The statement's planner context carries one.
 */
@FunctionalInterface
public interface Substitutes {
  /** Offers none: the query runs as written. */
  Substitutes NONE = query -> List.of();

  /**
   * Identifies what is offered, for caching plans: a plan made with other substitutes on offer (a
   * materialization since built, or grown too stale) is not reused.
   */
  default String key() {
    return "";
  }

  /**
   * The materializations that may answer parts of {@code query}, expressed in its cluster: each a
   * scan of the table holding the result and the query that result is of.
   */
  List<RelOptMaterialization> forQuery(RelNode query);
}
