package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.adapter.spi.DomainUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NoSuchElementException;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.commons.dbcp2.ConnectionFactory;

/**
 * A domain's connection pool whose connections all hold the {@link SessionSetup session settings}
 * the store's dialect relies on, are tied to the query they are borrowed for ({@link ScopedConnection}),
 * and whose failure to connect names the domain and its store, because Calcite's generated code
 * only ever sees the data source, not which domain it belongs to. A pool whose connections are all
 * in use is reported as busy, not as the store being down.
 */
final class DomainConnectionPool extends BasicDataSource {
  /** SQLSTATE class 08: the client could not establish the connection. */
  static final String UNABLE_TO_CONNECT = "08001";
  /** SQLSTATE class 53: the gateway's own resources for the store are exhausted, the store is fine. */
  static final String TOO_MANY_CONNECTIONS = "53300";

  private final String domain;
  private final String store;
  private final SessionSetup session;

  DomainConnectionPool(String domain, String store, SessionSetup session) {
    this.domain = domain;
    this.store = store;
    this.session = session;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return ScopedConnection.of(super.getConnection(), domain);
    } catch (SQLException e) {
      if (e.getCause() instanceof NoSuchElementException) {
        // DBCP's own words for "every connection is borrowed and none came back in time".
        String message = "domain `" + domain + "`: all " + getMaxTotal() + " connections to its store at " + store
            + " are in use and none was free within " + getMaxWaitDuration().toMillis()
            + " ms (connection.maxWait); try again, or raise the domain's connection.maxConnections";
        throw new SQLException(message, TOO_MANY_CONNECTIONS, new DomainQueryException(domain, TOO_MANY_CONNECTIONS, message));
      }
      UnsafeSessionException unsafe = find(e);
      if (unsafe != null) {
        String message = "domain `" + domain + "`: the store at " + store + " " + unsafe.getMessage()
            + "; queries touching " + domain + ".* are refused until it does";
        throw new SQLException(message, UnsafeSessionException.REJECTED,
            new DomainQueryException(domain, UnsafeSessionException.REJECTED, message));
      }
      DomainUnavailableException unavailable = new DomainUnavailableException(domain, store, e);
      throw new SQLException(unavailable.getMessage(), UNABLE_TO_CONNECT, unavailable);
    }
  }

  @Override
  protected ConnectionFactory createConnectionFactory() throws SQLException {
    ConnectionFactory opens = super.createConnectionFactory();
    if (session.isNone()) {
      return opens;
    }
    return () -> pin(opens.createConnection());
  }

  /** Applies the session settings to a new connection and checks the store kept them. */
  private Connection pin(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : session.statements()) {
        statement.execute(sql);
      }
      if (!connection.getAutoCommit()) {
        // PostgreSQL undoes a SET with the transaction it ran in; the pool rolls back on return.
        connection.commit();
      }
      boolean holds;
      try (ResultSet answer = statement.executeQuery(session.check())) {
        holds = answer.next() && answer.getBoolean(1);
      }
      if (!holds) {
        throw new UnsafeSessionException("did not keep " + session.promise()
            + ", which the gateway relies on to send values to it safely", null);
      }
      return connection;
    } catch (SQLException e) {
      connection.close();
      throw e instanceof UnsafeSessionException ? e
          : new UnsafeSessionException("refused " + session.promise()
              + ", which the gateway relies on to send values to it safely: " + e.getMessage(), e);
    }
  }

  private static UnsafeSessionException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnsafeSessionException unsafe) {
        return unsafe;
      }
    }
    return null;
  }
}
