package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.DoorConfig;
import io.tributary.gateway.config.FlightConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.config.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The embedded demo mesh answers the README's query without any external server. */
class DemoTest {

  @Test
  void demoMeshAnswersOrdersPerCountryAcrossItsTwoDomains() throws Exception {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig demo = new ConfigLoader(System::getenv, adapters.types()).load(Path.of("../conf/demo.yaml"));
    GatewayConfig onFreePorts = new GatewayConfig(
        new ServerConfig("127.0.0.1", new DoorConfig(0), new FlightConfig(0)), demo.domains());
    DemoMesh.seed(onFreePorts);

    try (Gateway gateway = Gateway.start(onFreePorts, "conf/demo.yaml", adapters);
         Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort());
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
}
