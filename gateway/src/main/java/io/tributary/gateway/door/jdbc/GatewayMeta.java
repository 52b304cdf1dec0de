package io.tributary.gateway.door.jdbc;

import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.QueryException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's JDBC-backed {@code Meta} over the engine: every client connection is an engine
 * session, and every failure leaves as the engine's error, with its SQLSTATE.
 */
final class GatewayMeta extends JdbcMeta {
  private final Engine engine;

  GatewayMeta(Engine engine) throws SQLException {
    super("jdbc:tributary-engine:", new Properties());
    this.engine = engine;
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    return engine.connect();
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      return super.prepare(ch, sql, maxRowCount);
    } catch (RuntimeException e) {
      throw clientError(e, sql);
    }
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try {
      return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    } catch (RuntimeException e) {
      throw clientError(e, sql);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    try {
      return super.execute(h, parameterValues, maxRowsInFirstFrame);
    } catch (RuntimeException e) {
      throw clientError(e, sqlOf(h));
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try {
      return super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw clientError(e, sqlOf(h));
    }
  }

  private static String sqlOf(StatementHandle h) {
    return h.signature == null || h.signature.sql == null ? "" : h.signature.sql;
  }

  private AvaticaRuntimeException clientError(RuntimeException failure, String sql) {
    QueryException error = engine.translate(failure, sql);
    return new AvaticaRuntimeException(error.getMessage(), error.getErrorCode(), error.getSQLState(),
        AvaticaSeverity.ERROR);
  }
}
