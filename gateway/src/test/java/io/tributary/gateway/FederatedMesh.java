package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * One gateway for the whole test run over real stores: domain `customers` in PostgreSQL, domain
 * `orders` in MariaDB (with an unpublished table beside it), domain `archive` pointing at a
 * PostgreSQL port nobody listens on, and a reference PostgreSQL database holding both tables.
 */
public final class FederatedMesh {
  static final String CRM_DB = "tributary_it_crm";
  static final String SHOP_DB = "tributary_it_shop";
  static final String REFERENCE_DB = "tributary_it_reference";

  private final Gateway gateway;
  private final String crmDb;
  private final String shopDb;

  private FederatedMesh(Gateway gateway, String crmDb, String shopDb) {
    this.gateway = gateway;
    this.crmDb = crmDb;
    this.shopDb = shopDb;
  }

  /** The one gateway of these tests: started on first use, stopped when the test JVM exits. */
  public static FederatedMesh get() throws SQLException {
    return new FederatedMesh(TestGateways.shared("mesh", () -> start("mesh.yaml", CRM_DB, SHOP_DB, REFERENCE_DB)), CRM_DB, SHOP_DB);
  }

  /**
   * The same mesh over databases of its own, {@code tributary_it_<name>_crm} and so on, for a test
   * that must know no other test, nor another checkout's test run, recreates its stores meanwhile.
   */
  static FederatedMesh own(String name) throws SQLException {
    String prefix = "tributary_it_" + name + "_";
    return new FederatedMesh(TestGateways.shared("mesh-" + name,
        () -> start("mesh-" + name + ".yaml", prefix + "crm", prefix + "shop", prefix + "reference")), prefix + "crm", prefix + "shop");
  }

  private static Gateway start(String config, String crmDb, String shopDb, String referenceDb) throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(crmDb);
    mariadb.createDatabase(shopDb);
    postgres.createDatabase(referenceDb);
    try (Connection c = postgres.connect(crmDb)) {
      ShopData.createCustomers(c);
    }
    postgres.execute(crmDb, "CREATE TABLE customer_secrets (customer_id INT, secret VARCHAR(50))", "ANALYZE");
    try (Connection c = mariadb.connect(shopDb)) {
      ShopData.createOrders(c);
    }
    mariadb.execute(shopDb, "CREATE TABLE payment_tokens (order_id INT, token VARCHAR(50))", "ANALYZE TABLE orders");
    try (Connection c = postgres.connect(referenceDb)) {
      ShopData.createCustomers(c);
      ShopData.createOrders(c);
    }
    String yaml = """
        domains:
          - name: customers
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "${CRM_PASSWORD}"}
            tables: [customers]
          - name: orders
            owner: {team: checkout, contact: checkout@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s"}
            tables:
              - orders
              - name: order_history
                source: orders
          - name: archive
            owner: {team: finance, contact: finance@example.com}
            adapter: postgresql
            connection: {url: "jdbc:postgresql://127.0.0.1:1/archive", user: nobody}
            tables: [invoices]
        """.formatted(postgres.jdbcUrl(crmDb), postgres.user(), mariadb.jdbcUrl(shopDb), mariadb.user(),
        mariadb.password());
    Map<String, String> env = Map.of("CRM_PASSWORD", postgres.password());
    return TestGateways.start(config, yaml, env::get);
  }


  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  public Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  /** A direct connection to the reference database that holds both domains' tables. */
  static Connection reference() throws SQLException {
    return DatabaseServers.postgres().connect(REFERENCE_DB);
  }

  /** A direct connection to the PostgreSQL store of the `customers` domain. */
  static Connection crmStore() throws SQLException {
    return DatabaseServers.postgres().connect(CRM_DB);
  }

  /** The PostgreSQL database of the `customers` domain. */
  String crmDatabase() {
    return crmDb;
  }

  /** The MariaDB database of the `orders` domain. */
  String shopDatabase() {
    return shopDb;
  }

  public Gateway gateway() {
    return gateway;
  }
}
