package io.tributary.gateway.config;

/**
 * Where the gateway listens.
 *
 * @param bind the address every door binds to; loopback unless opened on purpose
 * @param jdbc the Avatica JDBC door
 */
public record ServerConfig(String bind, DoorConfig jdbc) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_JDBC_PORT = 8765;

  public ServerConfig {
    bind = bind == null ? DEFAULT_BIND : bind;
    jdbc = jdbc == null ? new DoorConfig(DEFAULT_JDBC_PORT) : jdbc;
  }

  public static ServerConfig defaults() {
    return new ServerConfig(null, null);
  }

  /** A copy listening on other ports, for tests and the demo. */
  public ServerConfig withJdbcPort(int port) {
    return new ServerConfig(bind, new DoorConfig(port));
  }
}
