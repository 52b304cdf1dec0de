package io.tributary.gateway.door.jdbc;

import io.tributary.gateway.config.LimitsConfig;
import io.tributary.gateway.engine.Caller;
import io.tributary.gateway.engine.Door;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.Query;
import io.tributary.gateway.engine.QueryException;
import io.tributary.gateway.engine.Session;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.util.DateTimeUtils;

/**
 * Avatica's protocol over the engine: each client connection is an engine {@link Session}, each
 * client statement runs its SQL as engine {@link Query queries}, and every failure leaves as the
 * engine's error with its SQLSTATE. Avatica's {@link JdbcMeta} still answers the catalog calls
 * (tables, columns, types) from the session's metadata and frames the rows; what runs a query is
 * the engine's.
 */
final class GatewayMeta extends JdbcMeta {
  private final Engine engine;
  private final Calendar calendar = DateTimeUtils.calendar();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<Integer, Statement> statements = new ConcurrentHashMap<>();
  /** The session a connection being opened gets: Avatica asks for it through {@link #createConnection}. */
  private final ThreadLocal<Session> opening = new ThreadLocal<>();

  /** A client statement: the query it runs now, if any. */
  private static final class Statement {
    final String connectionId;
    Query query; // guarded by this

    Statement(String connectionId) {
      this.connectionId = connectionId;
    }
  }

  GatewayMeta(Engine engine, LimitsConfig limits) throws SQLException {
    super("jdbc:tributary-engine:", caches(limits));
    this.engine = engine;
  }

  /**
   * Avatica's caches must never drop a connection or statement the engine still serves: the
   * engine bounds and expires sessions itself, and refuses new ones clearly when full.
   */
  private static Properties caches(LimitsConfig limits) {
    Properties p = new Properties();
    String expiry = Long.toString(limits.sessionIdleTimeout().toMinutes() + 60);
    p.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(), Integer.toString(limits.maxSessions() * 2));
    p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), expiry);
    p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MINUTES.name());
    p.setProperty(StatementCacheSettings.MAX_CAPACITY.key(), Integer.toString(Math.max(10_000, limits.maxSessions() * 100)));
    p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), expiry);
    p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MINUTES.name());
    return p;
  }

  // Connections are sessions.

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Session session;
    try {
      session = engine.openSession(new Caller(info == null ? null : info.get("user"), Door.JDBC, ClientAddress.current()));
    } catch (QueryException e) {
      throw clientError(e);
    }
    opening.set(session);
    try {
      super.openConnection(ch, info);
      sessions.put(ch.id, session);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    } finally {
      opening.remove();
    }
  }

  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    return opening.get().metadataConnection();
  }

  /** The session's connection, for Avatica's catalog calls; brought up to date with the catalog first. */
  @Override
  protected Connection getConnection(String id) throws SQLException {
    return session(id).metadataConnection();
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    Session session = sessions.remove(ch.id);
    statements.values().removeIf(statement -> statement.connectionId.equals(ch.id));
    if (session != null) {
      session.close();
    }
    super.closeConnection(ch);
  }

  // Statements run engine queries.

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    session(ch.id);
    int id = getStatementIdGenerator().getAndIncrement();
    statements.put(id, new Statement(ch.id));
    return new StatementHandle(ch.id, id, null);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    Session session = session(ch.id);
    int id = getStatementIdGenerator().getAndIncrement();
    Statement statement = new Statement(ch.id);
    try {
      statement.query = session.prepare(sql, id);
      statements.put(id, statement);
      return new StatementHandle(ch.id, id, signature(statement.query.columns(), statement.query.parameters(), sql,
          StatementType.SELECT));
    } catch (QueryException e) {
      throw clientError(e);
    } catch (SQLException e) {
      throw clientError(engine.translate(e, sql));
    }
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    Statement statement = statement(h);
    // The statement's previous query goes first: what it leaves behind (its warnings, under the same
    // statement id) must not outlive the new query's preparation.
    Query previous;
    synchronized (statement) {
      previous = statement.query;
      statement.query = null;
    }
    if (previous != null) {
      previous.close();
    }
    Query query;
    try {
      query = session(h.connectionId).prepare(sql, h.id);
    } catch (QueryException e) {
      throw clientError(e);
    }
    synchronized (statement) {
      statement.query = query;
    }
    return run(h, query, values -> { }, maxRowsInFirstFrame, null);
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    Query query = query(h);
    return run(h, query, prepared -> {
      for (int i = 0; parameterValues != null && i < parameterValues.size(); i++) {
        prepared.setObject(i + 1, parameterValues.get(i).toJdbc(calendar));
      }
    }, maxRowsInFirstFrame, h.signature);
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, AvaticaUtils.toSaturatedInt(maxRowCount));
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    Query query = query(h);
    try {
      return query.read(() -> super.fetch(h, offset, fetchMaxRowCount));
    } catch (QueryException e) {
      throw clientError(e);
    }
  }

  @Override
  public boolean syncResults(StatementHandle sh, org.apache.calcite.avatica.QueryState state, long offset) {
    // A client that lost its results (a failed-over server) runs the query again; nothing to resume here.
    return false;
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    throw readOnly();
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw readOnly();
  }

  @Override
  public void closeStatement(StatementHandle h) {
    Statement statement = statements.remove(h.id);
    if (statement != null) {
      synchronized (statement) {
        if (statement.query != null) {
          statement.query.close();
        }
      }
    }
    getStatementCache().invalidate(h.id);
  }

  /** Stops what statement {@code statementId} of connection {@code connectionId} plans or runs; the driver's cancel request. */
  boolean cancel(String connectionId, int statementId) {
    Session session = sessions.get(connectionId);
    return session != null && session.cancel(statementId);
  }

  /** Runs {@code query} and answers with its first frame; Avatica's fetch reads the rest from the statement cache. */
  private ExecuteResult run(StatementHandle h, Query query, Query.Binding binding, int maxRowsInFirstFrame,
      Signature known) {
    try {
      ResultSet rows = query.execute(binding, Optional.empty());
      // Replacing a cached entry would close its statement (Avatica's removal listener), which is the engine's.
      StatementInfo info = getStatementCache().get(h.id, () -> new StatementInfo(rows.getStatement()));
      info.setResultSet(rows);
      Signature signature = known == null ? signature(rows.getMetaData()) : known;
      Frame first = query.read(() -> super.fetch(h, 0, firstFrameRows(maxRowsInFirstFrame)));
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, true, signature, first)));
    } catch (QueryException e) {
      throw clientError(e);
    } catch (SQLException | java.util.concurrent.ExecutionException e) {
      throw clientError(engine.translate(e, query.sql()));
    }
  }

  /** As Avatica's own server sizes a first frame: -2 everything, otherwise at most its default fetch size. */
  private static int firstFrameRows(int requested) {
    if (requested == UNLIMITED_COUNT) {
      return -1;
    }
    return requested < 0 || requested > AvaticaStatement.DEFAULT_FETCH_SIZE ? AvaticaStatement.DEFAULT_FETCH_SIZE : requested;
  }

  private Session session(String connectionId) {
    Session session = sessions.get(connectionId);
    if (session == null || session.isClosed()) {
      sessions.remove(connectionId);
      throw clientError(new QueryException("connection " + connectionId + " is closed (it was closed, or unused for"
          + " longer than limits.sessionIdleTimeout); connect again", QueryException.SESSION_CLOSED,
          new NoSuchConnectionException(connectionId)));
    }
    return session;
  }

  private Statement statement(StatementHandle h) throws NoSuchStatementException {
    Statement statement = statements.get(h.id);
    if (statement == null) {
      throw new NoSuchStatementException(h);
    }
    return statement;
  }

  private Query query(StatementHandle h) throws NoSuchStatementException {
    Statement statement = statement(h);
    synchronized (statement) {
      if (statement.query == null) {
        throw clientError(new QueryException("the statement has no query; prepare or execute one first",
            QueryException.INVALID_QUERY, null));
      }
      return statement.query;
    }
  }

  private static AvaticaRuntimeException readOnly() {
    return clientError(new QueryException("batches change data: the gateway is read-only; change data in the"
        + " domain's own store", QueryException.READ_ONLY, null));
  }

  private static AvaticaRuntimeException clientError(QueryException error) {
    return new AvaticaRuntimeException(error.getMessage(), error.getErrorCode(), error.getSQLState(),
        AvaticaSeverity.ERROR);
  }
}
