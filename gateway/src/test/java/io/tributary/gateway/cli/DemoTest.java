package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.Product;
import io.tributary.gateway.Eventually;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.Rows;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded demo mesh and its contracts answer the README's queries without any external server. */
class DemoTest {
  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = DemoGateway.get();
  }

  @Test
  void demoMeshAnswersOrdersPerCountryAcrossItsTwoDomains() throws Exception {
    try (Connection c = DemoGateway.connect();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT c.country, count(*) FROM orders.orders o"
             + " JOIN customers.customers c ON o.customer_id = c.id GROUP BY c.country")) {
      int countries = 0;
      long orders = 0;
      while (rs.next()) {
        countries++;
        orders += rs.getLong(2);
      }
      assertEquals(12, countries);
      assertEquals(DemoMesh.ORDERS, orders);
    }
  }

  @Test
  void theOrdersPerCountryJoinIsAnsweredFromTheDemosCachedJoinAndFollowsNewOrders() throws Exception {
    String query = "SELECT c.country, count(*) FROM orders.orders o JOIN customers.customers c"
        + " ON o.customer_id = c.id GROUP BY c.country ORDER BY c.country";
    try (Connection c = DemoGateway.connect()) {
      Eventually.until(Duration.ofSeconds(30), () -> Rows.of(c, "SELECT state, sources FROM tributary.materializations"),
          List.of("ready | customers: followed; orders: followed")::equals);
      assertTrue(String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + query)).contains("materialized, orders_by_country"));
      long before = total(Rows.of(c, query));

      try (Connection store = DriverManager.getConnection("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
          "sa", "");
          Statement write = store.createStatement()) {
        write.execute("INSERT INTO orders VALUES (" + (DemoMesh.ORDERS + 1) + ", 1, DATE '2025-01-01', 'placed', 9.99)");
        try {
          Eventually.until(Duration.ofSeconds(30), () -> total(Rows.of(c, query)), n -> n == before + 1);
          assertTrue(String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + query)).contains("orders_by_country"));
        } finally {
          // The demo is shared by the test classes; others count its orders.
          write.execute("DELETE FROM orders WHERE id = " + (DemoMesh.ORDERS + 1));
        }
        Eventually.until(Duration.ofSeconds(30), () -> total(Rows.of(c, query)), n -> n == before);
      }
    }
  }

  private static long total(List<String> countryCounts) {
    return countryCounts.stream().mapToLong(row -> Long.parseLong(row.substring(row.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void demoContractsServeTwoMajorsOfOrdersAndWarnOnTheDeprecatedOne() throws Exception {
    Product orders = gateway.engine().products().product("orders", "orders").orElseThrow();
    assertEquals(Set.of(1, 2), orders.majors().keySet());
    DataContract v1 = orders.majors().get(1);
    assertEquals("orders.orders_v2", v1.deprecation().orElseThrow().replacement());
    assertEquals(Optional.of("pii"), gateway.engine().products().product("customers", "customers").orElseThrow()
        .latest().tables().get(0).columns().stream().filter(c -> c.name().equals("email")).findFirst().orElseThrow()
        .classification());
    assertTrue(gateway.engine().products().product("shipments", "shipments").isPresent());

    try (Connection c = DemoGateway.connect();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), sum(amount) FROM orders.orders_v1")) {
      rs.next();
      assertEquals(DemoMesh.ORDERS, rs.getLong(1));
      SQLWarning warning = s.getWarnings() != null ? s.getWarnings() : rs.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("orders.orders_v2"), String.valueOf(warning));
    }
  }

  @Test
  void demoContractsDeclareTheForeignKeysBiToolsDrawAsJoins() throws Exception {
    try (Connection c = DemoGateway.connect()) {
      DatabaseMetaData meta = c.getMetaData();
      assertEquals(List.of("orders.orders.customer_id -> customers.customers.id (orders_customer_id_fkey)"),
          importedKeys(meta, "orders", "orders"));
      assertEquals(List.of("shipments.shipments.order_id -> orders.orders.id (shipments_order_id_fkey)"),
          importedKeys(meta, "shipments", "shipments"));
      assertEquals(List.of(), importedKeys(meta, "customers", "customers"));
    }
  }

  private static List<String> importedKeys(DatabaseMetaData meta, String schema, String table) throws Exception {
    List<String> keys = new ArrayList<>();
    try (ResultSet rs = meta.getImportedKeys("tributary", schema, table)) {
      while (rs.next()) {
        keys.add(rs.getString("FKTABLE_SCHEM") + "." + rs.getString("FKTABLE_NAME") + "."
            + rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_SCHEM") + "."
            + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME") + " (" + rs.getString("FK_NAME") + ")");
      }
    }
    return keys;
  }
}
