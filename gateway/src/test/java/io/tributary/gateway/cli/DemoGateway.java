package io.tributary.gateway.cli;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.CatalogConfig;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.DoorConfig;
import io.tributary.gateway.config.FlightConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.config.ServerConfig;
import io.tributary.testkit.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;

/**
 * The demo as {@code tributary demo} serves it: conf/demo.yaml, its H2 domains seeded, its contracts
 * from conf/domains, shipments fed to a topic of the run's shared Kafka broker; on free ports. Started
 * once per test JVM (its in-memory stores can be seeded once) and stopped when the JVM exits.
 */
final class DemoGateway {
  /** The checkout: the tests run in gateway/, the demo from the checkout. */
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  private static Gateway gateway; // guarded by DemoGateway.class

  private DemoGateway() {}

  static synchronized Gateway get() throws Exception {
    if (gateway == null) {
      KafkaBroker broker = KafkaBroker.shared();
      DemoShipments shipments = DemoShipments.feeding(broker, () -> { });
      gateway = start(shipments);
      Gateway started = gateway;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        shipments.close();
      }, "demo-gateway-shutdown"));
    }
    return gateway;
  }

  private static Gateway start(DemoShipments shipments) throws Exception {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig demo = new ConfigLoader(shipments.environment(System::getenv), adapters.types())
        .load(HOME.resolve("conf/demo.yaml"));
    // The README's curl PUTs a contract: kept for this run only, not in the checkout's var/.
    CatalogConfig catalog = new CatalogConfig(HOME.resolve(demo.catalog().directory()),
        demo.catalog().checkInterval(), Optional.empty(), Optional.empty(),
        Optional.of(Files.createTempDirectory("tributary-demo-journal")));
    GatewayConfig onFreePorts = new GatewayConfig(
        new ServerConfig("127.0.0.1", new DoorConfig(0), new FlightConfig(0), new DoorConfig(0)), demo.domains(),
        catalog, demo.limits(), demo.materializations());
    DemoMesh.seed(onFreePorts);
    return Gateway.start(onFreePorts, "conf/demo.yaml", adapters);
  }

  /** A connection through the Tributary JDBC driver, as the README's SQL shell opens one. */
  static Connection connect() throws Exception {
    return DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + get().jdbcPort());
  }

  /** The broker the demo's shipments topic is on. */
  static String bootstrapServers() {
    return KafkaBroker.shared().bootstrapServers();
  }
}
