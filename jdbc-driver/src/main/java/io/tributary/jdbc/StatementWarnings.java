package io.tributary.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;
import org.apache.calcite.avatica.AvaticaStatement;

/**
 * One statement's warnings: those the gateway recorded for the statement's latest execution.
 *
 * <p>Avatica's protocol has no field for warnings, so they are read from the gateway (see
 * {@link WarningLookup}), and only when the caller asks: an execution stays one round trip, and a
 * tool that never calls {@code getWarnings()} pays nothing. An execution clears the previous one's
 * warnings, as JDBC requires; the first {@link #get} after it fetches the new ones, later calls
 * answer from memory.
 */
final class StatementWarnings {

  /** A JDBC execution, run by {@link #execution}. */
  @FunctionalInterface
  interface Execution<T> {
    T run() throws SQLException;
  }

  private final AvaticaStatement statement;
  /** The statement executed since its warnings were last fetched or cleared. */
  private boolean unread;
  private SQLWarning chain;

  StatementWarnings(AvaticaStatement statement) {
    this.statement = statement;
  }

  /** Runs one execution of the statement; once it succeeds, its warnings are the gateway's to tell. */
  <T> T execution(Execution<T> execution) throws SQLException {
    clear();
    T result = execution.run();
    synchronized (this) {
      unread = true;
    }
    return result;
  }

  /** The latest execution's warnings, or null; fetched on the first call after the execution. */
  synchronized SQLWarning get() throws SQLException {
    if (unread) {
      // Read the id now: Avatica gives the statement a new one if the gateway had lost it.
      chain = ((TributaryConnection) statement.connection).warnings().of(statement.handle.id);
      unread = false;
    }
    return chain;
  }

  synchronized void clear() {
    unread = false;
    chain = null;
  }
}
