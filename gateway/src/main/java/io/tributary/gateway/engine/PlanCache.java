package io.tributary.gateway.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.rel.RelNode;

/**
 * The plans one session made, by statement text: a dashboard or a BI tool that runs the same SQL
 * again on its connection skips parsing, planning and code generation. Dropped when the catalog
 * changes under the session, and after {@link #KEEP} so plans follow the stores' statistics.
 */
final class PlanCache {
  static final int MAX_PLANS = 256;
  static final Duration KEEP = Duration.ofMinutes(10);

  /** A statement's plan and the plans Calcite made of it on the way, which observers of planning are shown again. */
  record Plan(CalciteSignature<?> signature, List<RelNode> trimmed) {}

  private final Cache<String, Plan> plans = Caffeine.newBuilder()
      .maximumSize(MAX_PLANS)
      .expireAfterWrite(KEEP)
      .build();

  Plan get(String key) {
    return plans.getIfPresent(key);
  }

  void put(String key, Plan plan) {
    plans.put(key, plan);
  }

  void forget(String key) {
    plans.invalidate(key);
  }

  void clear() {
    plans.invalidateAll();
  }
}
