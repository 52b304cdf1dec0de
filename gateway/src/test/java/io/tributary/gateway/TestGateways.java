package io.tributary.gateway;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.GatewayConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Test gateways started from YAML as a user's configuration would be, and reached as a user would. */
public final class TestGateways {
  /** Every door on a free port, so test gateways never collide with each other or a running demo. */
  public static final String ON_FREE_PORTS =
      "gateway: {bind: 127.0.0.1, jdbc: {port: 0}, flight: {port: 0}, http: {port: 0}}\n";

  private static final Map<String, Gateway> SHARED = new HashMap<>();

  private TestGateways() {}

  /** How a shared gateway is started: its stores prepared, then the gateway itself. */
  @FunctionalInterface
  public interface Starter {
    Gateway start() throws SQLException;
  }

  /**
   * The gateway of this name for every test class in the JVM: started on first use, stopped when
   * the JVM exits, whatever the tests did. Expensive fixtures start once per run, not per class.
   */
  public static synchronized Gateway shared(String name, Starter starter) throws SQLException {
    Gateway gateway = SHARED.get(name);
    if (gateway == null) {
      gateway = starter.start();
      SHARED.put(name, gateway);
      Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, name + "-shutdown"));
    }
    return gateway;
  }

  /**
   * Starts a gateway on {@code yaml}, which holds the keys besides {@code gateway:} (or, to set
   * door options, its own {@code gateway:} section).
   *
   * @param name names the configuration in error messages
   * @param environment resolves {@code ${VARIABLE}}s
   */
  public static Gateway start(String name, String yaml, UnaryOperator<String> environment) throws SQLException {
    String config = yaml.stripLeading().startsWith("gateway:") ? yaml : ON_FREE_PORTS + yaml;
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig parsed = new ConfigLoader(environment, adapters.types()).parse(name, config);
    return Gateway.start(parsed, name, adapters);
  }

  /** Starts a gateway whose configuration needs no environment variables. */
  public static Gateway start(String name, String yaml) throws SQLException {
    return start(name, yaml, variable -> null);
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  public static Connection connect(Gateway gateway) throws SQLException {
    return DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort());
  }
}
