package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries across a PostgreSQL domain and a MariaDB domain, through the Tributary JDBC driver. */
class FederatedQueryTest {
  private static final String PG_CUSTOMERS = "\"public\".\"customers\"";
  private static final String MARIADB_ORDERS = "`tributary_it_shop`.`orders`";

  private static Connection gateway;
  private static Connection reference;

  @BeforeAll
  static void connect() throws SQLException {
    gateway = FederatedMesh.get().connect();
    reference = FederatedMesh.reference();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
    reference.close();
  }

  @Test
  void joinAcrossPostgresAndMariadbReturnsWhatOneDatabaseHoldingBothReturns() throws SQLException {
    String federated = "SELECT c.country, o.status, count(*) AS n, sum(o.total) AS revenue"
        + " FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"
        + " WHERE c.vip = false AND o.total > 500 GROUP BY c.country, o.status ORDER BY c.country, o.status";
    List<String> rows = Rows.of(gateway, federated);

    assertEquals(Rows.of(reference, federated.replace("orders.orders", "orders").replace("customers.customers", "customers")), rows);
    assertEquals(8 * 4, rows.size(), "every country and status appears");
  }

  @Test
  void joinAcrossDomainsPushesEachFilterIntoItsOwnStore() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      Rows.of(gateway, "SELECT c.name, o.total FROM orders.orders o JOIN customers.customers c"
          + " ON o.customer_id = c.id WHERE c.country = 'SE' AND o.total > 900");

      String toPostgres = sent.to(PG_CUSTOMERS);
      String toMariadb = sent.to(MARIADB_ORDERS);
      assertTrue(toPostgres.contains("WHERE \"country\" = 'SE'"), toPostgres);
      assertTrue(toMariadb.matches("(?s).*WHERE .*`total`.* > 900.*"), toMariadb);
      assertFalse(toPostgres.contains("email"), "only the columns the query needs are read: " + toPostgres);
    }
  }

  @Test
  void aggregateOnOneStoreRunsInsideThatStore() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway, "SELECT country, count(*) FROM customers.customers GROUP BY country ORDER BY country");

      assertEquals(Rows.of(reference, "SELECT country, count(*) FROM customers GROUP BY country ORDER BY country"), rows);
      assertTrue(sent.to(PG_CUSTOMERS).contains("GROUP BY \"country\""), sent.to(PG_CUSTOMERS));
    }
  }

  @Test
  void sortAndLimitOnOneStoreRunInsideThatStore() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway, "SELECT id, total FROM orders.orders ORDER BY total DESC, id LIMIT 5");

      assertEquals(Rows.of(reference, "SELECT id, total FROM orders ORDER BY total DESC, id LIMIT 5"), rows);
      String toMariadb = sent.to(MARIADB_ORDERS);
      // MariaDB sorts NULLs first ascending, PostgreSQL (whose order the gateway keeps) last: hence `IS NULL` terms.
      assertTrue(toMariadb.matches("(?s).*ORDER BY (`total` IS NULL DESC, )?`total` DESC.*") && toMariadb.contains("LIMIT 5"),
          toMariadb);
    }
  }

  @Test
  void preparedStatementWithParametersJoinsAcrossDomains() throws SQLException {
    String sql = "SELECT count(*), sum(o.total) FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"
        + " WHERE c.country = ? AND o.total > ?";
    String local = sql.replace("orders.orders", "orders").replace("customers.customers", "customers");

    for (Object[] parameters : List.of(new Object[] {"DE", 100}, new Object[] {"US", 700})) {
      assertEquals(Rows.of(reference, local, parameters), Rows.of(gateway, sql, parameters));
    }
  }

  @Test
  void dateAndTimestampParametersArePushedIntoEachStoreAsDates() throws SQLException {
    String sql = "SELECT count(*), sum(o.total) FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"
        + " WHERE c.signed_up >= ? AND o.ordered_on < ? AND CAST(o.ordered_on AS TIMESTAMP) >= ?";
    String local = sql.replace("orders.orders", "orders").replace("customers.customers", "customers");
    Object[] parameters = {Date.valueOf("2022-06-01"), Date.valueOf("2025-01-01"), Timestamp.valueOf("2024-03-01 12:00:00")};

    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway, sql, parameters);

      assertEquals(Rows.of(reference, local, parameters), rows);
      assertTrue(sent.to(PG_CUSTOMERS).contains("\"signed_up\" >= ?"), sent.to(PG_CUSTOMERS));
      assertTrue(sent.to(MARIADB_ORDERS).contains("`ordered_on` < ?"), sent.to(MARIADB_ORDERS));
    }
  }

  @Test
  void subQueriesAcrossDomainsMatchTheReference() throws SQLException {
    String in = "SELECT count(*) FROM customers.customers WHERE id IN"
        + " (SELECT customer_id FROM orders.orders WHERE status = 'paid' AND total > 900)";
    String exists = "SELECT c.country, count(*) FROM customers.customers c WHERE EXISTS"
        + " (SELECT 1 FROM orders.orders o WHERE o.customer_id = c.id AND o.status = 'shipped') GROUP BY c.country ORDER BY 1";

    for (String sql : List.of(in, exists)) {
      String local = sql.replace("orders.orders", "orders").replace("customers.customers", "customers");
      assertEquals(Rows.of(reference, local), Rows.of(gateway, sql), sql);
    }
  }

  @Test
  void aTableCanBePublishedUnderAnotherNameThanTheStoresOwn() throws SQLException {
    assertEquals(Rows.of(gateway, "SELECT count(*), sum(total) FROM orders.orders"),
        Rows.of(gateway, "SELECT count(*), sum(total) FROM orders.order_history"));
  }

  @Test
  void rowCountsFromEachStoresCatalogReachThePlanner() throws SQLException {
    String postgresEstimate;
    try (Connection store = FederatedMesh.crmStore()) {
      postgresEstimate = Rows.of(store,
          "SELECT reltuples::bigint FROM pg_class WHERE relname = 'customers' AND relkind = 'r'").get(0);
    }
    String mariadbEstimate;
    try (Connection store = DatabaseServers.mariadb().connect(FederatedMesh.SHOP_DB)) {
      mariadbEstimate = Rows.of(store, "SELECT TABLE_ROWS FROM information_schema.TABLES"
          + " WHERE TABLE_SCHEMA = 'tributary_it_shop' AND TABLE_NAME = 'orders'").get(0);
    }

    String plan = String.join("\n", Rows.of(gateway, "EXPLAIN PLAN INCLUDING ALL ATTRIBUTES FOR"
        + " SELECT * FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"));

    assertTrue(plan.contains("JdbcTableScan(table=[[customers, customers]]): rowcount = " + postgresEstimate + ".0"), plan);
    assertTrue(plan.contains("JdbcTableScan(table=[[orders, orders]]): rowcount = " + mariadbEstimate + ".0"), plan);
  }
}
