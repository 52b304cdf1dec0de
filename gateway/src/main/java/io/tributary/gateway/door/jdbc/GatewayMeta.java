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
      return engine.warnings().prepared(preparing(ch.id), () -> super.prepare(ch, sql, maxRowCount), h -> h.id);
    } catch (RuntimeException e) {
      throw clientError(e, sql);
    }
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try {
      ExecuteResult result = engine.warnings().prepared(preparing(h.connectionId),
          () -> super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback), r -> h.id);
      engine.warnings().executed(session(h.connectionId), h.id, sql);
      return result;
    } catch (RuntimeException e) {
      throw clientError(e, sql);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    try {
      ExecuteResult result = super.execute(h, parameterValues, maxRowsInFirstFrame);
      engine.warnings().executed(session(h.connectionId), h.id, sqlOf(h));
      return result;
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

  @Override
  public void closeStatement(StatementHandle h) {
    engine.warnings().closed(session(h.connectionId), h.id);
    super.closeStatement(h);
  }

  /** The engine session behind a client connection, brought up to date for a statement about to be prepared. */
  private Connection preparing(String connectionId) {
    Connection session = session(connectionId);
    engine.refresh(session);
    return session;
  }

  /** The engine session behind a client connection, for its warnings. */
  private Connection session(String connectionId) {
    try {
      return getConnection(connectionId);
    } catch (SQLException e) {
      throw new IllegalStateException("no session for connection " + connectionId, e);
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
