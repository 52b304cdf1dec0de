package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.Product;
import io.tributary.gateway.Gateway;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
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
