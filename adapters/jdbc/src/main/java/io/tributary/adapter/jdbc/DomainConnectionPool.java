package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.DomainUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * A domain's connection pool whose failure to connect names the domain and its store, because
 * Calcite's generated code only ever sees the data source, not which domain it belongs to.
 */
final class DomainConnectionPool extends BasicDataSource {
  /** SQLSTATE class 08: the client could not establish the connection. */
  static final String UNABLE_TO_CONNECT = "08001";

  private final String domain;
  private final String store;

  DomainConnectionPool(String domain, String store) {
    this.domain = domain;
    this.store = store;
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return super.getConnection();
    } catch (SQLException e) {
      DomainUnavailableException unavailable = new DomainUnavailableException(domain, store, e);
      throw new SQLException(unavailable.getMessage(), UNABLE_TO_CONNECT, unavailable);
    }
  }
}
