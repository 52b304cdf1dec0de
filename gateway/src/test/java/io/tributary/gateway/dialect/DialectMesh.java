package io.tributary.gateway.dialect;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.catalog.contract.Access;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.TestGateways;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The gateway of the dialect tests: domain `metrics` in PostgreSQL (table `readings`), domain
 * `stock` in MariaDB (table `items`, and data products over it: `stock.shelf`, public, and
 * `stock.ledger`, private), and a reference PostgreSQL database holding both tables in schemas
 * `metrics` and `stock`, so the same SQL text runs through the gateway and on the reference.
 */
public final class DialectMesh {
  static final String METRICS_DB = "tributary_it_dialect_metrics";
  static final String STOCK_DB = "tributary_it_dialect_stock";
  static final String REFERENCE_DB = "tributary_it_dialect_reference";

  private final Gateway gateway;

  private DialectMesh(Gateway gateway) {
    this.gateway = gateway;
  }

  /** Started on first use, stopped when the test JVM exits. */
  public static DialectMesh get() throws SQLException {
    return new DialectMesh(TestGateways.shared("dialect-mesh", DialectMesh::start));
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(METRICS_DB);
    mariadb.createDatabase(STOCK_DB);
    postgres.createDatabase(REFERENCE_DB);
    try (Connection c = postgres.connect(METRICS_DB)) {
      DialectData.createReadings(c, "");
    }
    postgres.execute(METRICS_DB, "ANALYZE");
    try (Connection c = mariadb.connect(STOCK_DB)) {
      DialectData.createItems(c, "");
    }
    mariadb.execute(STOCK_DB, "ANALYZE TABLE items");
    postgres.execute(REFERENCE_DB, "CREATE SCHEMA metrics", "CREATE SCHEMA stock");
    try (Connection c = postgres.connect(REFERENCE_DB)) {
      DialectData.createReadings(c, "metrics");
      DialectData.createItems(c, "stock");
    }
    postgres.execute(REFERENCE_DB, "ANALYZE");
    String yaml = """
        domains:
          - name: metrics
            owner: {team: sensors, contact: sensors@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [readings]
          - name: stock
            owner: {team: warehouse, contact: warehouse@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [items]
        """.formatted(postgres.jdbcUrl(METRICS_DB), postgres.user(), postgres.password(),
        mariadb.jdbcUrl(STOCK_DB), mariadb.user(), mariadb.password());
    Gateway gateway = TestGateways.start("dialect-mesh.yaml", yaml);
    gateway.engine().products().publish(contract("stock", "shelf", "1.0.0", Access.PUBLIC,
        table("shelf", "items", column("item_id", "id", INTEGER, true), column("ref", "ref", VARCHAR, 12, -1, true),
            column("value", "value", DECIMAL, 12, 2, false))));
    gateway.engine().products().publish(contract("stock", "ledger", "1.0.0", Access.PRIVATE,
        table("ledger", "items", column("item_id", "id", INTEGER, true))));
    gateway.engine().contracts().checkNow();
    return gateway;
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  public Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  /** A direct connection to the reference database, whose schemas `metrics` and `stock` hold both domains' tables. */
  public static Connection reference() throws SQLException {
    return DatabaseServers.postgres().connect(REFERENCE_DB);
  }

  public Gateway gateway() {
    return gateway;
  }
}
