package io.tributary.gateway.cli;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.ConfigException;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.door.PortUnavailableException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/** {@code tributary serve --config <file>} and {@code tributary demo}. */
public final class Main {
  private static final String USAGE = """
      usage: tributary serve --config <file>     run the gateway on a configuration
             tributary demo [--config <file>]    run it on the embedded demo mesh (default conf/demo.yaml)
             tributary sql [--url <jdbc-url>]    SQL shell through the Tributary JDBC driver (bin/tributary only)
      """;

  private Main() {}

  public static void main(String[] args) throws Exception {
    Deque<String> rest = new ArrayDeque<>(List.of(args));
    String command = rest.isEmpty() ? "" : rest.pop();
    try {
      switch (command) {
        case "serve" -> run(option(rest, "--config", null), false);
        case "demo" -> run(option(rest, "--config", "conf/demo.yaml"), true);
        default -> {
          System.err.print(USAGE);
          System.exit(2);
        }
      }
    } catch (ConfigException e) {
      System.err.println("tributary: configuration error: " + e.getMessage());
      System.exit(1);
    } catch (PortUnavailableException e) {
      System.err.println("tributary: " + e.getMessage());
      System.exit(1);
    } catch (UsageException e) {
      System.err.println("tributary: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
  }

  private static void run(String configFile, boolean demo) throws Exception {
    long started = System.nanoTime();
    DomainAdapters adapters = DomainAdapters.discover();
    // The demo's broker starts first: the demo configuration reads its free-picked port.
    DemoShipments shipments = demo ? DemoShipments.start() : null;
    UnaryOperator<String> environment = demo ? shipments.environment(System::getenv) : System::getenv;
    GatewayConfig config;
    Gateway gateway;
    try {
      config = new ConfigLoader(environment, adapters.types()).load(Path.of(configFile));
      if (demo) {
        DemoMesh.seed(config);
      }
      gateway = Gateway.start(config, configFile, adapters);
    } catch (Exception | Error e) {
      if (shipments != null) {
        shipments.close();
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      gateway.close();
      if (shipments != null) {
        shipments.close();
      }
      stopped.countDown();
    }, "tributary-shutdown"));
    String url = "jdbc:tributary://" + config.gateway().bind() + ":" + gateway.jdbcPort();
    System.out.printf("Tributary ready in %d ms, serving %s%n", (System.nanoTime() - started) / 1_000_000,
        gateway.engine().catalog().domains().stream().map(d -> d.name()).toList());
    System.out.println("  JDBC:     " + url + "   (driver jdbc-driver/target/tributary-jdbc-*.jar, class io.tributary.jdbc.TributaryDriver)");
    System.out.println("  SQL shell: bin/tributary sql --url " + url);
    System.out.println("  Flight SQL: grpc://" + config.gateway().bind() + ":" + gateway.flightPort()
        + "   (pyarrow.flight, ADBC, jdbc:arrow-flight-sql://...; any user name for now; examples/python/)");
    String api = "http://" + config.gateway().bind() + ":" + gateway.httpPort();
    System.out.println("  HTTP API: " + api + "/api/catalog   (data products; PUT contracts to " + api
        + "/api/products/{domain}/{product}; contracts in " + config.catalog().directory() + " are watched)");
    if (demo) {
      System.out.println("  try:      SELECT c.country, count(*) FROM orders.orders o JOIN customers.customers c"
          + " ON o.customer_id = c.id GROUP BY c.country;");
      System.out.println("  live:     SELECT s.shipment_id, s.carrier, s.shipped_at, o.total, c.name FROM shipments.shipments s"
          + " JOIN orders.orders o ON s.order_id = o.id JOIN customers.customers c ON o.customer_id = c.id"
          + " ORDER BY s.shipped_at DESC LIMIT 5;   (a new shipment every few seconds; see also tributary.topics)");
    }
    System.out.println("Stop with Ctrl-C.");
    stopped.await();
  }

  private static String option(Deque<String> args, String name, String fallback) {
    String value = fallback;
    while (!args.isEmpty()) {
      String arg = args.pop();
      if (arg.equals(name) && !args.isEmpty()) {
        value = args.pop();
      } else {
        throw new UsageException("unexpected argument `" + arg + "`");
      }
    }
    if (value == null) {
      throw new UsageException(name + " <file> is required");
    }
    return value;
  }

  /** Command-line arguments that do not parse. */
  private static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
