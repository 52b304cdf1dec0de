package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.QueryScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.dbcp2.DelegatingConnection;

/**
 * A pooled store connection borrowed for a query: every statement it opens is cancelled when the
 * query is, and the connection goes back to the pool when the query ends, even if the code that
 * borrowed it never closes it (a join whose other side failed, say). Calcite's JDBC convention
 * creates its statements with the methods overridden here.
 */
final class ScopedConnection extends DelegatingConnection<Connection> {
  private final QueryScope scope;

  private ScopedConnection(Connection pooled, QueryScope scope) {
    super(pooled);
    this.scope = scope;
  }

  /** {@code pooled}, tied to the query this thread works for, if any. */
  static Connection of(Connection pooled) {
    return QueryScope.current().<Connection>map(scope -> {
      ScopedConnection connection = new ScopedConnection(pooled, scope);
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
    scope.onCancel(statement::cancel);
    return statement;
  }
}
