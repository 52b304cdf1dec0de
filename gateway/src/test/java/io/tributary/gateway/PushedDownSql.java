package io.tributary.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.calcite.runtime.Hook;

/** Records the SQL the gateway sends to its stores while open (the gateway runs in this JVM). */
public final class PushedDownSql implements AutoCloseable {
  private final List<String> statements = new CopyOnWriteArrayList<>();
  private final Hook.Closeable hook;

  public PushedDownSql() {
    hook = Hook.QUERY_PLAN.add((java.util.function.Consumer<Object>) plan -> statements.add(String.valueOf(plan)));
  }

  /** The one statement sent about {@code table} (as the store's dialect writes it). */
  public String to(String qualifiedTable) {
    List<String> matching = statements.stream().filter(s -> s.contains(qualifiedTable)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one statement against " + qualifiedTable + " but saw " + statements);
    }
    return matching.get(0);
  }

  @Override
  public void close() {
    hook.close();
  }
}
