package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cached cross-domain joins over real stores (customers in PostgreSQL, orders in MariaDB): built
 * by running their query federated, listed in {@code tributary.materializations}, readable as
 * {@code materialized.<name>}, and used by queries written against the base tables, which answer
 * the same with and without them.
 */
class CachedJoinsTest {
  private static final String COUNTRY_ORDERS = "SELECT c.country, count(*) FROM orders.orders o"
      + " JOIN customers.customers c ON o.customer_id = c.id GROUP BY c.country ORDER BY c.country";
  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase("tributary_it_cached_crm");
    mariadb.createDatabase("tributary_it_cached_shop");
    try (Connection c = postgres.connect("tributary_it_cached_crm")) {
      ShopData.createCustomers(c);
    }
    try (Connection c = mariadb.connect("tributary_it_cached_shop")) {
      ShopData.createOrders(c);
    }
    gateway = TestGateways.start("cached.yaml", """
        domains:
          - name: customers
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [customers]
          - name: orders
            owner: {team: checkout, contact: checkout@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [orders]
        materializations:
          - name: country_status
            sql: >
              SELECT c.country, o.status, count(*) AS orders, sum(o.total) AS total
              FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id
              GROUP BY c.country, o.status
            refresh: full
            maxStaleness: 1h
          - name: order_customers
            sql: >
              SELECT o.id, o.status, o.total, o.ordered_on, c.country, c.name
              FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id
            maxStaleness: 1h
        """.formatted(postgres.jdbcUrl("tributary_it_cached_crm"), postgres.user(), postgres.password(),
        mariadb.jdbcUrl("tributary_it_cached_shop"), mariadb.user(), mariadb.password()));
    try (Connection c = TestGateways.connect(gateway)) {
      Eventually.until(Duration.ofSeconds(60), () -> Rows.of(c,
          "SELECT state FROM tributary.materializations ORDER BY name"), List.of("ready", "ready")::equals);
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void eachMaterializationIsListedWithItsSizeAndState() throws SQLException {
    try (Connection c = TestGateways.connect(gateway)) {
      List<String> federated = Rows.of(c, "SELECT count(*) FROM orders.orders o JOIN customers.customers c"
          + " ON o.customer_id = c.id");
      assertEquals(federated, Rows.of(c, "SELECT row_count FROM tributary.materializations WHERE name = 'order_customers'"));
      assertEquals(List.of("country_status | ready | full | true", "order_customers | ready | incremental | true"),
          Rows.of(c, "SELECT name, state, refresh, memory_bytes > 0 FROM tributary.materializations ORDER BY name"));
      assertEquals(federated, Rows.of(c, "SELECT count(*) FROM materialized.order_customers"));
    }
  }

  @Test
  void rollUpOfTheCachedAggregateIsAnsweredFromIt() throws SQLException {
    try (Connection c = TestGateways.connect(gateway)) {
      String plan = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + COUNTRY_ORDERS));
      assertTrue(plan.contains("materialized, country_status"), plan);
      assertFalse(plan.contains("Jdbc"), "no store is read: " + plan);
      List<String> cached = Rows.of(c, COUNTRY_ORDERS);

      Rows.of(c, "SET tributary.materializations = off");
      assertFalse(String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + COUNTRY_ORDERS)).contains("materialized"));
      assertEquals(Rows.of(c, COUNTRY_ORDERS), cached);
    }
  }

  @Test
  void sameJoinWithAFilterAndFewerColumnsIsAnsweredFromTheCachedJoin() throws SQLException {
    String query = "SELECT o.id, c.name FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"
        + " WHERE c.country = 'DE' AND o.status = 'paid' ORDER BY o.id";
    try (Connection c = TestGateways.connect(gateway)) {
      String plan = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + query));
      assertTrue(plan.contains("materialized, order_customers"), plan);
      List<String> cached = Rows.of(c, query);
      assertFalse(cached.isEmpty());

      Rows.of(c, "SET tributary.materializations = off");
      assertEquals(Rows.of(c, query), cached);
    }
  }

  @Test
  void sessionBoundStricterThanTheMaterializationsStalenessRunsTheQueryFederated() throws SQLException {
    try (Connection c = TestGateways.connect(gateway)) {
      Rows.of(c, "SET tributary.max_staleness = '1ms'");
      String plan = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + COUNTRY_ORDERS));
      assertFalse(plan.contains("materialized"), "no source is followed: staleness counts from the build; " + plan);
      Rows.of(c, "SET tributary.max_staleness = DEFAULT");
      assertTrue(String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + COUNTRY_ORDERS)).contains("materialized"));
    }
  }
}
