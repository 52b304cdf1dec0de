package io.tributary.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} for Tributary statements. Avatica's own
 * cancel waits for the running request (its client sends a connection's requests one at a time)
 * and its time-out is never applied; this cancel goes to the gateway beside the running request,
 * and a time-out is such a cancel sent when the time is up.
 */
final class StatementCancel {
  private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "tributary-query-timeout");
    thread.setDaemon(true);
    return thread;
  });

  private StatementCancel() {}

  /** Asks the gateway to stop what {@code statement} runs; returns at once. */
  static void send(AvaticaStatement statement) throws SQLException {
    ((TributaryConnection) statement.connection).cancel(statement.handle.id);
  }

  /** Runs {@code execution}, cancelled on the gateway when the statement's query time-out passes. */
  static <T> T bounded(AvaticaStatement statement, StatementWarnings.Execution<T> execution) throws SQLException {
    int seconds = statement.getQueryTimeout();
    if (seconds <= 0) {
      return execution.run();
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> timer = TIMERS.schedule(() -> {
      timedOut.set(true);
      try {
        send(statement);
      } catch (SQLException | RuntimeException ignored) {
        // the execution then ends on its own; nothing better to do from a timer
      }
    }, seconds, TimeUnit.SECONDS);
    try {
      return execution.run();
    } catch (SQLException e) {
      if (timedOut.get()) {
        throw new SQLTimeoutException("the query ran longer than its time-out of " + seconds
            + " s (Statement.setQueryTimeout) and was cancelled on the gateway", "57014", e);
      }
      throw e;
    } finally {
      timer.cancel(false);
    }
  }
}
