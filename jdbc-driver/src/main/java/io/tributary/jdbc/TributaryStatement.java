package io.tributary.jdbc;

import java.sql.SQLException;
import java.sql.SQLWarning;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;

/** Avatica's statement, whose warnings are the gateway's for its latest execution. */
final class TributaryStatement extends AvaticaStatement {
  final StatementWarnings warnings = new StatementWarnings(this);

  TributaryStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    super(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  /** Every {@code execute*(String)} passes here. */
  @Override protected void executeInternal(String sql) throws SQLException {
    warnings.execution(() -> StatementCancel.bounded(this, () -> {
      super.executeInternal(sql);
      return null;
    }));
  }

  /** The gateway records no warnings for batches: this only clears the previous execution's. */
  @Override public long[] executeLargeBatch() throws SQLException {
    warnings.clear();
    return super.executeLargeBatch();
  }

  /**
   * Stops the running query on the gateway and returns: Avatica's own cancel would wait for the
   * running request to end, which is what a caller cancels because it does not.
   */
  @Override public void cancel() throws SQLException {
    if (isClosed()) {
      throw new SQLException("the statement is closed", "HY010");
    }
    StatementCancel.send(this);
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    super.getWarnings(); // throws if closed
    return warnings.get();
  }

  @Override public void clearWarnings() throws SQLException {
    super.clearWarnings();
    warnings.clear();
  }
}
