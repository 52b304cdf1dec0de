package io.tributary.gateway.door.flight;

import io.tributary.gateway.engine.Caller;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.Query;
import io.tributary.gateway.engine.QueryException;
import io.tributary.gateway.engine.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.adapter.jdbc.JdbcParameterBinder;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A query the engine has planned for a Flight client: its own engine session and query, run at
 * most once at a time. Retiring it (the handle was closed or expired) closes
 * both as soon as no execution uses them, so a running stream is never pulled from under a client.
 */
final class OpenQuery {
  private final Session session;
  private final Query query;
  private final Schema schema;
  private final Schema parameters;
  private boolean running; // guarded by this
  private boolean retired; // guarded by this
  private boolean cancelled; // guarded by this
  private Runnable onCancel = () -> { }; // guarded by this

  private OpenQuery(Session session, Query query, Schema schema, Schema parameters) {
    this.session = session;
    this.query = query;
    this.schema = schema;
    this.parameters = parameters;
  }

  /** Plans {@code sql} in a new engine session; planning errors surface here, before any row. */
  static OpenQuery prepare(Engine engine, BufferAllocator memory, String sql, Caller caller) throws SQLException {
    Session session = engine.openSession(caller);
    try {
      Query query = session.prepare(sql, 0);
      return new OpenQuery(session, query, ArrowColumns.schema(memory, query.columns()),
          ArrowColumns.parameters(query.parameters()));
    } catch (SQLException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  String sql() {
    return query.sql();
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
  void bind(VectorSchemaRoot values) throws QueryException {
    query.bind(statement -> JdbcParameterBinder.builder(statement, values).bindAll().build().next());
  }

  /** Runs the query; call between begin and end. */
  ResultSet execute() throws QueryException {
    return query.execute(statement -> { }, Optional.empty());
  }

  /** The warnings of the latest execution. */
  List<String> warnings() {
    return query.warnings();
  }

  /** Reads the rows of the execution inside the query's scope; call between begin and end. */
  <T> T read(Query.Reading<T> reading) throws QueryException {
    return query.read(reading);
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
    query.cancel();
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
    session.close(); // closes the query and any result with it
  }
}
