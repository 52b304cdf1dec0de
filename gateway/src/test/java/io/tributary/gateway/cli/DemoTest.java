package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.Product;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.CatalogConfig;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.DoorConfig;
import io.tributary.gateway.config.FlightConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded demo mesh and its contracts answer the README's queries without any external server. */
class DemoTest {
  private static Gateway gateway;

  @BeforeAll
  static void start() throws Exception {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig demo = new ConfigLoader(System::getenv, adapters.types()).load(Path.of("../conf/demo.yaml"));
    // The tests run in gateway/, the demo from the checkout: its relative contracts directory is one up.
    CatalogConfig catalog = new CatalogConfig(Path.of("..").resolve(demo.catalog().directory()),
        demo.catalog().checkInterval(), Optional.empty(), Optional.empty(), Optional.empty());
    GatewayConfig onFreePorts = new GatewayConfig(
        new ServerConfig("127.0.0.1", new DoorConfig(0), new FlightConfig(0), new DoorConfig(0)), demo.domains(),
        catalog, demo.limits());
    DemoMesh.seed(onFreePorts);
    gateway = Gateway.start(onFreePorts, "conf/demo.yaml", adapters);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void demoMeshAnswersOrdersPerCountryAcrossItsTwoDomains() throws Exception {
    try (Connection c = connect();
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

    try (Connection c = connect();
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*), sum(amount) FROM orders.orders_v1")) {
      rs.next();
      assertEquals(DemoMesh.ORDERS, rs.getLong(1));
      SQLWarning warning = s.getWarnings() != null ? s.getWarnings() : rs.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("orders.orders_v2"), String.valueOf(warning));
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort());
  }
}
