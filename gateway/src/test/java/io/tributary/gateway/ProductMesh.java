package io.tributary.gateway;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One gateway for the data product tests over real stores: domain `crm` in PostgreSQL (publishing
 * its raw `customers` table in tributary.yaml), domain `shop` in MariaDB, domain `vault` pointing at
 * a PostgreSQL port nobody listens on. Products are published into its catalog by the tests; each
 * test class owns the store tables and products it changes.
 */
public final class ProductMesh {
  static final String CRM_DB = "tributary_it_products_crm";
  static final String SHOP_DB = "tributary_it_products_shop";

  private final Gateway gateway;

  private ProductMesh(Gateway gateway) {
    this.gateway = gateway;
  }

  /** The one gateway of these tests: started on first use, stopped when the test JVM exits. */
  public static ProductMesh get() throws SQLException {
    return new ProductMesh(TestGateways.shared("product-mesh", ProductMesh::start));
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(CRM_DB);
    mariadb.createDatabase(SHOP_DB);
    postgres.execute(CRM_DB, "CREATE TABLE crm_customers (cust_id INT PRIMARY KEY, full_name VARCHAR(100) NOT NULL,"
              + " email VARCHAR(200), country CHAR(2) NOT NULL, score INT)",
          "INSERT INTO crm_customers VALUES (1, 'Ada', 'ada@example.com', 'DE', 7), (2, 'Bob', NULL, 'FR', 3),"
              + " (3, 'Cy', 'cy@example.com', 'DE', 9)",
          "CREATE TABLE customer_secrets (cust_id INT, secret VARCHAR(50))",
          "INSERT INTO customer_secrets VALUES (1, 'hunter2')",
          "CREATE TABLE segments (segment VARCHAR(20) NOT NULL, cust_id INT NOT NULL)",
          "INSERT INTO segments VALUES ('loyal', 1), ('new', 2)",
          "ANALYZE");
    mariadb.execute(SHOP_DB, "CREATE TABLE purchases (purchase_no INT PRIMARY KEY, buyer INT NOT NULL, amount DECIMAL(10,2) NOT NULL)",
          "INSERT INTO purchases VALUES (10, 1, 5.50), (11, 1, 7.25), (12, 3, 1.00)");
    String yaml = """
        domains:
          - name: crm
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables:
              - name: customers
                source: crm_customers
          - name: shop
            owner: {team: checkout, contact: checkout@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [purchases]
          - name: vault
            owner: {team: finance, contact: finance@example.com}
            adapter: postgresql
            connection: {url: "jdbc:postgresql://127.0.0.1:1/vault", user: nobody}
            tables: [ledger]
        """.formatted(postgres.jdbcUrl(CRM_DB), postgres.user(), postgres.password(), mariadb.jdbcUrl(SHOP_DB),
        mariadb.user(), mariadb.password());
    return TestGateways.start("product-mesh.yaml", yaml);
  }


  /** Publishes a contract version and checks every contract against its store before returning. */
  public CatalogChange publish(DataContract contract) {
    CatalogChange change = gateway.engine().products().publish(contract);
    gateway.engine().contracts().checkNow();
    return change;
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  public Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }


  public Gateway gateway() {
    return gateway;
  }
}
