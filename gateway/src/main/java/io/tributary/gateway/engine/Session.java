package io.tributary.gateway.engine;

import io.tributary.gateway.planner.Substitutes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's conversation with the engine, whichever door it came through: who the caller is,
 * their settings, and the queries they have prepared. A door maps its protocol's handles (a JDBC
 * connection, a Flight statement) onto a session and its {@link Query queries}, and does nothing
 * else; planning, execution, limits, warnings and errors are the session's.
 */
public final class Session implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final String id = UUID.randomUUID().toString();
  private final Caller caller;
  private final Engine engine;
  private final Connection connection;
  /** The connection as the doors' catalog calls see it: with the gateway's {@code DatabaseMetaData}. */
  private final Connection catalog;
  private final Set<Query> queries = ConcurrentHashMap.newKeySet();
  private final PlanCache plans = new PlanCache();
  /** The runs planning now, by the door's statement number: a cancel may come before the query exists. */
  private final Map<Integer, QueryRun> planning = new ConcurrentHashMap<>();
  private volatile long lastUsedNanos = System.nanoTime();
  private volatile boolean closed;
  /** Whether statements may be answered from materializations; the gateway's own reads never are. */
  private volatile boolean materializations;
  /** The session's own bound on how stale a materialization that answers it may be, if any. */
  private volatile Optional<Duration> maxStaleness = Optional.empty();
  /** Where the gateway's own reads take their rows; null for a client's session. */
  private final Consumer<Object> tap;

  Session(Caller caller, Engine engine, Connection connection, Consumer<Object> tap) throws SQLException {
    this.caller = caller;
    this.engine = engine;
    this.connection = connection;
    this.catalog = GatewayMetaData.connection(connection);
    this.tap = tap;
    this.materializations = tap == null;
  }

  /** Whether statements prepared from now on may be answered from materializations (on unless turned off). */
  public void useMaterializations(boolean use) {
    materializations = use && tap == null;
  }

  /** The staleness past which a materialization does not answer this session's statements; empty: each one's own bound. */
  public void maxStaleness(Optional<Duration> bound) {
    maxStaleness = bound;
  }

  public String id() {
    return id;
  }

  public Caller caller() {
    return caller;
  }

  /**
   * Plans {@code sql}. Planning stops at {@code limits.planningTimeout}, or when the query is
   * cancelled by id meanwhile.
   *
   * @param statementId the door's own number for the statement, under which the session keeps its warnings
   * @throws QueryException naming what is wrong with the query, with its SQLSTATE
   */
  public Query prepare(String sql, int statementId) throws QueryException {
    touch();
    if (closed) {
      throw new QueryException("the session was closed; connect again", QueryException.SESSION_CLOSED, null);
    }
    QueryRun run = engine.log().start(caller, id, sql, QueryRun.State.PLANNING);
    Duration planningTimeout = engine.limits().planningTimeout();
    run.planning(engine.log().stopAfter(run, planningTimeout, new QueryAbortedException(
        "planning the query took longer than " + DurationWords.of(planningTimeout) + " (limits.planningTimeout)",
        QueryException.CANCELLED)));
    planning.put(statementId, run);
    run.tap(tap);
    run.substituteWith(materializations ? engine.cached().substitutes(maxStaleness) : Substitutes.NONE);
    try (var working = run.enter()) {
      if (sql == null || sql.isBlank()) {
        throw new QueryException("the statement is empty; write a query such as SELECT 1", QueryException.SYNTAX_ERROR, null);
      }
      LongNumbers.refuse(sql);
      refresh();
      run.planWith(plans);
      String planned = engine.commands().run(sql, this).orElse(sql);
      PreparedStatement statement = engine.warnings().prepared(connection, () -> connection.prepareStatement(planned),
          prepared -> statementId);
      run.planned();
      Query query = new Query(this, sql, statementId, statement, run);
      queries.add(query);
      return query;
    } catch (Throwable failure) {
      QueryException error = engine.failure(run, failure, sql);
      run.failed(error);
      throw error;
    } finally {
      planning.remove(statementId, run);
    }
  }

  /**
   * Stops whatever the door's statement {@code statementId} is doing: planning, or running.
   *
   * @return whether something was stopped
   */
  public boolean cancel(int statementId) {
    boolean stopped = false;
    QueryRun planned = planning.get(statementId);
    if (planned != null) {
      planned.cancel(Query.cancelledByClient(planned));
      stopped = true;
    }
    for (Query query : queries) {
      if (query.statementId() == statementId && query.isRunning()) {
        query.cancel();
        stopped = true;
      }
    }
    return stopped;
  }

  /** The namespace's metadata as the caller may see it now, for a door's catalog calls ({@link GatewayMetaData}). */
  public DatabaseMetaData metadata() throws SQLException {
    return metadataConnection().getMetaData();
  }

  /**
   * The session's SQL connection, brought up to date with the catalog, for a door whose protocol
   * library asks catalog questions of a {@link Connection} (Avatica's). Queries never run through
   * it: they go through {@link #prepare}, which bounds, tracks and reports them.
   */
  public Connection metadataConnection() {
    touch();
    refresh();
    return catalog;
  }

  /** Brings the session's data products up to date; plans made over the old ones go. */
  private void refresh() {
    if (engine.refresh(connection)) {
      plans.clear();
    }
  }

  /** Closes every query of the session and the session; a query running stops. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queries.forEach(Query::close);
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing session {} failed: {}", id, e.getMessage());
    }
    engine.sessionClosed(this);
  }

  public boolean isClosed() {
    return closed;
  }

  /** Whether the session has been unused for {@code idle} and runs nothing. */
  boolean idleFor(Duration idle) {
    return System.nanoTime() - lastUsedNanos > idle.toNanos() && queries.stream().noneMatch(Query::isRunning);
  }

  Engine engine() {
    return engine;
  }

  Connection connection() {
    return connection;
  }

  void touch() {
    lastUsedNanos = System.nanoTime();
  }

  void closed(Query query) {
    queries.remove(query);
  }
}
