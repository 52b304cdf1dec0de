package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.QueryScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.dbcp2.DelegatingConnection;
import org.postgresql.PGConnection;

/**
 * A pooled store connection borrowed for a query: every statement it opens is cancelled when the
 * query is, and the connection goes back to the pool when the query ends, even if the code that
 * borrowed it never closes it (a join whose other side failed, say). Calcite's JDBC convention
 * creates its statements with the methods overridden here.
 */
final class ScopedConnection extends DelegatingConnection<Connection> {
  private final QueryScope scope;
  private final String domain;

  private ScopedConnection(Connection pooled, QueryScope scope, String domain) {
    super(pooled);
    this.scope = scope;
    this.domain = domain;
  }

  /** {@code pooled}, a connection to {@code domain}'s store, tied to the query this thread works for, if any. */
  static Connection of(Connection pooled, String domain) {
    return QueryScope.current().<Connection>map(scope -> {
      ScopedConnection connection = new ScopedConnection(pooled, scope, domain);
      scope.onEnd(connection);
      return connection;
    }).orElse(pooled);
  }

  @Override
  public Statement createStatement() throws SQLException {
    return cancellable(super.createStatement());
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return cancellable(super.createStatement(resultSetType, resultSetConcurrency));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return cancellable(super.prepareStatement(sql));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return cancellable(super.prepareStatement(sql, resultSetType, resultSetConcurrency));
  }

  private <S extends Statement> S cancellable(S statement) throws SQLException {
    if (scope.isCancelled()) {
      statement.close();
      throw new SQLException("the query " + scope.queryId() + " was cancelled", "57014");
    }
    scope.onCancel(cancelOf(statement));
    scope.sentStatement(domain);
    return statement;
  }

  /**
   * How to stop {@code statement}. PgJDBC stops a statement once per execution and drops a cancel
   * that arrives before PostgreSQL started the query; the connection's own cancel has no such
   * state, so when the engine repeats a cancel it reaches the query. The connection serves only
   * this query until it ends, so nothing else is stopped.
   */
  private QueryScope.Cancellable cancelOf(Statement statement) throws SQLException {
    if (isWrapperFor(PGConnection.class)) {
      PGConnection postgres = unwrap(PGConnection.class);
      return postgres::cancelQuery;
    }
    return statement::cancel;
  }
}
