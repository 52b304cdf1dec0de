package io.tributary.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;

/** Avatica's prepared statement, whose warnings are the gateway's for its latest execution. */
final class TributaryPreparedStatement extends Jdbc41PreparedStatement {
  final StatementWarnings warnings = new StatementWarnings(this);

  TributaryPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h, Meta.Signature signature,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
    super(connection, h, signature, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  // Avatica's three executions (executeUpdate calls executeLargeUpdate).

  @Override public ResultSet executeQuery() throws SQLException {
    return warnings.execution(() -> StatementCancel.bounded(this, super::executeQuery));
  }

  @Override public boolean execute() throws SQLException {
    return warnings.execution(() -> StatementCancel.bounded(this, super::execute));
  }

  @Override public long executeLargeUpdate() throws SQLException {
    return warnings.execution(() -> StatementCancel.bounded(this, super::executeLargeUpdate));
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

  // java.time values (see TypedParameters); the target type is implied by the value.

  @Override public void setObject(int parameter, Object value) throws SQLException {
    if (!TypedParameters.set(this, parameter, value)) {
      super.setObject(parameter, value);
    }
  }

  @Override public void setObject(int parameter, Object value, int targetSqlType) throws SQLException {
    if (!TypedParameters.set(this, parameter, value)) {
      super.setObject(parameter, value, targetSqlType);
    }
  }

  @Override public void setObject(int parameter, Object value, int targetSqlType, int scaleOrLength)
      throws SQLException {
    if (!TypedParameters.set(this, parameter, value)) {
      super.setObject(parameter, value, targetSqlType, scaleOrLength);
    }
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
