package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.commons.dbcp2.BasicDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An opened JDBC domain: its published schema over a connection pool. */
final class JdbcDomainSource implements DomainSource {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcDomainSource.class);
  private static final int VALIDATION_SECONDS = 2;

  private final String domain;
  private final String store;
  private final PublishedJdbcSchema schema;
  private final BasicDataSource dataSource;
  private final Optional<ChangeFeed> changes;

  JdbcDomainSource(String domain, String store, PublishedJdbcSchema schema, BasicDataSource dataSource,
      Optional<ChangeFeed> changes) {
    this.domain = domain;
    this.store = store;
    this.schema = schema;
    this.dataSource = dataSource;
    this.changes = changes;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public Optional<Table> storeTable(String source) {
    return Optional.of(schema.storeTable(source));
  }

  @Override
  public Optional<RelDataType> describe(String source, RelDataTypeFactory typeFactory) {
    return schema.describe(source, typeFactory);
  }

  @Override
  public Optional<ChangeFeed> changes() {
    return changes;
  }

  @Override
  public Health health() {
    if (dataSource.getNumIdle() == 0 && dataSource.getNumActive() >= dataSource.getMaxTotal()) {
      // Asking would wait for a query to give a connection back: the store is busy answering them.
      return Health.up(store + " is busy: all " + dataSource.getMaxTotal()
          + " connections serve queries (connection.maxConnections)");
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(VALIDATION_SECONDS)
          ? Health.up(store + " answers")
          : Health.down(store + " did not answer within " + VALIDATION_SECONDS + " s");
    } catch (SQLException e) {
      // A full pool is the gateway's limit, not the store failing: it answers the queries holding it.
      return DomainConnectionPool.TOO_MANY_CONNECTIONS.equals(e.getSQLState())
          ? Health.up(e.getMessage())
          : Health.down(e.getMessage());
    }
  }

  @Override
  public void close() {
    changes.ifPresent(feed -> {
      if (feed instanceof AutoCloseable subscriptions) {
        try {
          subscriptions.close();
        } catch (Exception e) {
          LOG.warn("domain `{}`: stopping its change subscriptions failed: {}", domain, e.toString());
        }
      }
    });
    try {
      dataSource.close();
    } catch (SQLException e) {
      LOG.warn("domain `{}`: closing connections to {} failed: {}", domain, store, e.getMessage());
    }
  }
}
