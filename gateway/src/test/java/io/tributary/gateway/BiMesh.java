package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The gateway a BI tool meets: domain `customers` in PostgreSQL and `orders` in MariaDB, each
 * serving a data product by contract (ODCS v3.1 and v3.2, under {@code src/test/resources/bi/}),
 * the orders referring to the customers; and `customers.type_samples`, published without a
 * contract, one row holding a value of every type the gateway serves.
 */
public final class BiMesh {
  private static final String CRM_DB = "tributary_it_bi_crm";
  private static final String SHOP_DB = "tributary_it_bi_shop";

  private final Gateway gateway;

  private BiMesh(Gateway gateway) {
    this.gateway = gateway;
  }

  /** The one gateway of these tests: started on first use, stopped when the test JVM exits. */
  public static BiMesh get() throws SQLException {
    return new BiMesh(TestGateways.shared("bi-mesh", BiMesh::start));
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(CRM_DB);
    mariadb.createDatabase(SHOP_DB);
    try (Connection c = postgres.connect(CRM_DB)) {
      ShopData.createCustomers(c);
    }
    postgres.execute(CRM_DB, "CREATE TABLE type_samples (id INT PRIMARY KEY, small SMALLINT, big BIGINT,"
        + " price NUMERIC(10, 2), ratio DOUBLE PRECISION, score REAL, flag BOOLEAN, code CHAR(2), label VARCHAR(20),"
        + " note TEXT, day DATE, at_second TIMESTAMP(0), at_milli TIMESTAMP(3), tod TIME(0))",
        "INSERT INTO type_samples VALUES (1, 7, 9000000000, 12.50, 0.25, 1.5, true, 'DE', 'label', 'a note',"
            + " '2024-03-05', '2024-03-05 10:11:12', '2024-03-05 10:11:12.340', '10:11:12')",
        "ANALYZE");
    try (Connection c = mariadb.connect(SHOP_DB)) {
      ShopData.createOrders(c);
    }
    String yaml = """
        domains:
          - name: customers
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [type_samples]
          - name: orders
            owner: {team: checkout, contact: checkout@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [{name: raw_orders, source: orders}]
        catalog:
          directory: "%s"
        """.formatted(postgres.jdbcUrl(CRM_DB), postgres.user(), postgres.password(), mariadb.jdbcUrl(SHOP_DB),
        mariadb.user(), mariadb.password(), contracts());
    Gateway gateway = TestGateways.start("bi-mesh.yaml", yaml);
    gateway.engine().contracts().checkNow();
    return gateway;
  }

  /** The contracts' directory, one folder per domain. */
  private static Path contracts() {
    try {
      return Path.of(BiMesh.class.getResource("/bi").toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  public Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  public Gateway gateway() {
    return gateway;
  }
}
