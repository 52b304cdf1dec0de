package io.tributary.gateway.door.flight;

import io.tributary.gateway.engine.Engine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.arrow.adapter.jdbc.JdbcParameterBinder;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A query the engine has planned for a Flight client: its own engine session and prepared
 * statement, run at most once at a time. Retiring it (the handle was closed or expired) closes
 * both as soon as no execution uses them, so a running stream is never pulled from under a client.
 */
final class OpenQuery {
  private static final Logger LOG = LoggerFactory.getLogger(OpenQuery.class);

  private final String sql;
  private final Connection session;
  private final PreparedStatement statement;
  private final Schema schema;
  private final Schema parameters;
  private boolean running; // guarded by this
  private boolean retired; // guarded by this
  private boolean cancelled; // guarded by this
  private Runnable onCancel = () -> { }; // guarded by this

  private OpenQuery(String sql, Connection session, PreparedStatement statement, Schema schema, Schema parameters) {
    this.sql = sql;
    this.session = session;
    this.statement = statement;
    this.schema = schema;
    this.parameters = parameters;
  }

  /** Plans {@code sql} in a new engine session; planning errors surface here, before any row. */
  static OpenQuery prepare(Engine engine, BufferAllocator memory, String sql) throws SQLException {
    Connection session = engine.connect();
    try {
      PreparedStatement statement = session.prepareStatement(sql);
      return new OpenQuery(sql, session, statement, ArrowColumns.schema(memory, statement.getMetaData()),
          ArrowColumns.parameters(statement.getParameterMetaData()));
    } catch (SQLException | RuntimeException | AssertionError e) {
      session.close();
      throw e;
    }
  }

  String sql() {
    return sql;
  }

  /** The result's Arrow schema, known from planning. */
  Schema schema() {
    return schema;
  }

  /** The Arrow schema of the parameters, one field per {@code ?}. */
  Schema parameters() {
    return parameters;
  }

  /** Claims the query for one execution or parameter binding; {@link #end()} gives it back. */
  synchronized void begin() {
    if (retired) {
      throw CallStatus.NOT_FOUND.withDescription("the statement was closed; prepare it again").toRuntimeException();
    }
    if (running) {
      throw CallStatus.INVALID_ARGUMENT
          .withDescription("the statement is still executing; read or cancel its result first, or prepare another")
          .toRuntimeException();
    }
    running = true;
    cancelled = false;
  }

  /** Sets the parameters from the first row of {@code values}; call between begin and end. */
  void bind(VectorSchemaRoot values) throws SQLException {
    JdbcParameterBinder.builder(statement, values).bindAll().build().next();
  }

  /** Runs the query; call between begin and end. */
  ResultSet execute() throws SQLException {
    return statement.executeQuery();
  }

  /** What else stops the running execution, e.g. wakes its stream waiting for the client. */
  synchronized void whenCancelled(Runnable action) {
    onCancel = action;
  }

  /** Stops a running execution; its rows stop at the engine's next step. */
  void cancel() {
    Runnable alsoStop;
    synchronized (this) {
      if (!running) {
        return;
      }
      cancelled = true;
      alsoStop = onCancel;
    }
    try {
      statement.cancel();
    } catch (SQLException e) {
      LOG.warn("cancelling `{}` failed: {}", sql, e.getMessage());
    }
    alsoStop.run();
  }

  synchronized boolean wasCancelled() {
    return cancelled;
  }

  synchronized void end() {
    running = false;
    onCancel = () -> { };
    if (retired) {
      close();
    }
  }

  /** No client can reach the query any more: close it now, or when its execution ends. */
  synchronized void retire() {
    retired = true;
    if (!running) {
      close();
    }
  }

  private void close() {
    try {
      session.close(); // closes the statement and any result set with it
    } catch (SQLException e) {
      LOG.warn("closing the session of `{}` failed: {}", sql, e.getMessage());
    }
  }
}
