package io.tributary.adapter.jdbc.replication;

import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.adapter.spi.DomainUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.PGProperty;

/**
 * How a change feed reaches its domain's store: the domain's own URL and login, for ordinary SQL
 * (setting up the publication and slot) and for a replication session, which the pool's read-only
 * connections cannot be.
 *
 * @param store the URL as messages show it, without secrets
 * @param login driver properties, as the domain's pool connects
 */
record ReplicationLogin(String domain, String store, String url, Properties login) {
  /** SQLSTATE 42501: insufficient privilege. */
  static final String INSUFFICIENT_PRIVILEGE = "42501";
  /** SQLSTATE 55000: object not in prerequisite state (the server is not configured for it). */
  static final String NOT_PREREQUISITE = "55000";

  /** An ordinary connection with auto-commit, for the feed's setup. */
  Connection sql() {
    try {
      return DriverManager.getConnection(url, login);
    } catch (SQLException e) {
      throw new DomainUnavailableException(domain, store, e);
    }
  }

  /** A logical replication session on the domain's database. */
  Connection replication() throws SQLException {
    Properties properties = new Properties();
    properties.putAll(login);
    PGProperty.REPLICATION.set(properties, "database");
    // Replication sessions understand only the simple query protocol, and no version probing.
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
    PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
    return DriverManager.getConnection(url, properties);
  }

  /** The store refused to let the domain's login follow changes, and what to do about it. */
  DomainQueryException refused(String sqlState, String why) {
    return new DomainQueryException(domain, sqlState, "domain `" + domain + "`: cannot follow changes: " + why);
  }

  /** The store failed a setup statement: unreachable if the connection broke, else refused with its words. */
  RuntimeException failed(String doing, SQLException e) {
    String state = e.getSQLState();
    if (state == null || state.startsWith("08") || state.startsWith("57P")) {
      return new DomainUnavailableException(domain, store, e);
    }
    if (INSUFFICIENT_PRIVILEGE.equals(state)) {
      return refused(state, doing + " was refused: " + e.getMessage()
          + "; grant the domain's login what it names, or have the tables' owner do it");
    }
    return refused(state, doing + " failed at " + store + ": " + e.getMessage());
  }
}
