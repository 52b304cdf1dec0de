package io.tributary.gateway.engine;

import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.RelNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A planned query of a {@link Session}, with one lifecycle for every door: execute (as often as
 * wanted, one execution at a time), read the rows, cancel, close. Each execution is a
 * {@link QueryRun} in {@code tributary.queries}, bounded by {@code limits.queryTimeout} (or the
 * less its client asked for) and {@code limits.maxResultRows}; whatever fails comes out as a
 * {@link QueryException} with a SQLSTATE.
 */
public final class Query implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Query.class);

  /** Sets the parameters of an execution onto the planned statement (the door's values, its way). */
  @FunctionalInterface
  public interface Binding {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** A door's work on an execution's rows, run inside the query's scope. */
  @FunctionalInterface
  public interface Reading<T> {
    T read() throws Exception;
  }

  private final Session session;
  private final String sql;
  private final int statementId;
  private final PreparedStatement statement;
  private QueryRun planned; // guarded by this: the run that planned, continued by the first execution
  private QueryRun current; // guarded by this
  private boolean closed; // guarded by this
  private ResultSet rows; // guarded by this: the current execution's

  Query(Session session, String sql, int statementId, PreparedStatement statement, QueryRun planned) {
    this.session = session;
    this.sql = sql;
    this.statementId = statementId;
    this.statement = statement;
    this.planned = planned;
  }

  public String sql() {
    return sql;
  }

  /** The result's columns, known from planning. */
  public ResultSetMetaData columns() throws SQLException {
    return statement.getMetaData();
  }

  /** The plans of the latest run, once planned: for the gateway's own reads. */
  synchronized List<RelNode> plan() {
    return current == null ? planned.plan() : current.plan();
  }

  /** The parameters, one per {@code ?}. */
  public ParameterMetaData parameters() throws SQLException {
    return statement.getParameterMetaData();
  }

  /** Sets parameters for the next execution now, for doors whose values are only valid during the call. */
  public void bind(Binding binding) throws QueryException {
    session.touch();
    try {
      binding.bind(statement);
    } catch (Throwable failure) {
      throw session.engine().translate(failure, sql);
    }
  }

  /**
   * Runs the query with the parameters {@code binding} sets. The rows come from the returned
   * result set, read inside {@link #read}; closing it, or reading its last row, ends the execution.
   *
   * @param timeout what the client asked for; the gateway's own limit applies when it is shorter or none
   */
  public ResultSet execute(Binding binding, Optional<Duration> timeout) throws QueryException {
    session.touch();
    Engine engine = session.engine();
    QueryRun run = startRun(engine);
    Duration limit = timeout.filter(t -> t.compareTo(engine.limits().queryTimeout()) < 0)
        .orElse(engine.limits().queryTimeout());
    String setting = limit.equals(engine.limits().queryTimeout()) ? "limits.queryTimeout" : "the statement's query time-out";
    try (var working = run.enter()) {
      run.running(engine.log().stopAfter(run, limit, new QueryAbortedException(
          "canceling statement due to statement timeout: it ran longer than " + DurationWords.of(limit) + " (" + setting + ")",
          QueryException.CANCELLED)));
      binding.bind(statement);
      ResultSet rows = statement.executeQuery();
      synchronized (this) {
        this.rows = rows;
      }
      engine.warnings().executed(session.connection(), statementId, sql);
      return rows;
    } catch (Throwable failure) {
      throw fail(run, failure);
    }
  }

  /**
   * The warnings of the latest execution (a deprecated product version, a table served from its
   * last known state), for a door whose protocol carries them; the JDBC door's clients read
   * {@code tributary.warnings}.
   */
  public List<String> warnings() {
    return session.engine().warnings().of(session.connection(), statementId);
  }

  /** Runs a door's reading of the current execution's rows inside the query's scope; failures end the execution. */
  public <T> T read(Reading<T> reading) throws QueryException {
    QueryRun run;
    synchronized (this) {
      run = current;
    }
    if (run == null) {
      throw new QueryException("the query is not running; execute it first", QueryException.INVALID_QUERY, null);
    }
    run.reading();
    try (var working = run.isCurrent() ? null : run.enter()) {
      return reading.read();
    } catch (Throwable failure) {
      throw fail(run, failure);
    }
  }

  /** Stops the running execution, if any, as its client asked; it fails with SQLSTATE 57014. */
  public void cancel() {
    QueryRun run;
    synchronized (this) {
      run = current;
    }
    if (run != null) {
      run.cancel(cancelledByClient(run));
    }
  }

  static QueryAbortedException cancelledByClient(QueryRun run) {
    return new QueryAbortedException("canceling statement due to user request (query " + run.id() + ")",
        QueryException.CANCELLED);
  }

  int statementId() {
    return statementId;
  }

  /** The id of the running execution in {@code tributary.queries}, if one runs. */
  public synchronized Optional<String> runningId() {
    return current == null || current.isFinal() ? Optional.empty() : Optional.of(current.id());
  }

  synchronized boolean isRunning() {
    return current != null && !current.isFinal();
  }

  /** Closes the query; an execution still running stops, its store statements with it. */
  @Override
  public void close() {
    QueryRun unrun;
    QueryRun running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      unrun = planned;
      running = current;
      planned = null;
    }
    if (running != null && !running.isFinal()) {
      running.cancel(new QueryAbortedException("the statement was closed while running", QueryException.CANCELLED));
    }
    try {
      statement.close();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("closing `{}` failed: {}", sql, e.getMessage());
    }
    if (running != null) {
      running.finished();
    }
    if (unrun != null) {
      unrun.closedUnrun();
    }
    session.engine().warnings().closed(session.connection(), statementId);
    session.closed(this);
  }

  /** The run of a new execution: the planning run for the first, a new one after. */
  private synchronized QueryRun startRun(Engine engine) throws QueryException {
    if (closed) {
      throw new QueryException("the statement was closed; prepare it again", QueryException.INVALID_QUERY, null);
    }
    if (current != null && !current.isFinal()) {
      // JDBC runs a statement again while its previous result is open: that result ends here.
      current.finished();
    }
    if (planned != null) {
      current = planned;
      planned = null;
    } else {
      current = engine.log().start(session.caller(), session.id(), sql, QueryRun.State.RUNNING);
    }
    return current;
  }

  private QueryException fail(QueryRun run, Throwable failure) {
    QueryException error = session.engine().failure(run, failure, sql);
    run.failed(error);
    closeRows();
    return error;
  }

  /**
   * Closes the failed execution's rows: what it holds (a sort's or a join's rows, stopped for
   * taking too much memory, say) is free at once, not when the client closes its statement.
   */
  private void closeRows() {
    ResultSet failed;
    synchronized (this) {
      failed = rows;
      rows = null;
    }
    if (failed != null) {
      try {
        failed.close();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("closing the rows of `{}` failed: {}", sql, e.getMessage());
      }
    }
  }
}
