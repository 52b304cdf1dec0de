package io.tributary.gateway.engine;

import io.tributary.gateway.engine.dialect.DialectPrepare;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;

/**
 * Calcite's statement preparation, which shows the engine the plan of every statement a session
 * prepares. Both doors prepare through the engine's sessions, so this is the one place that sees
 * every query, whichever door it came through.
 */
final class ObservedPrepare extends DialectPrepare {
  private final Consumer<List<RelNode>> planned;

  /** @param planned told of each statement planned without error: its plans with unused fields trimmed */
  ObservedPrepare(Consumer<List<RelNode>> planned) {
    this.planned = planned;
  }

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
    List<RelNode> plans = new ArrayList<>();
    CalciteSignature<T> signature;
    try (Hook.Closeable capture = Hook.TRIMMED.addThread((RelNode rel) -> plans.add(rel))) {
      signature = super.prepareSql(context, query, elementType, maxRowCount);
    }
    planned.accept(plans);
    return signature;
  }
}
