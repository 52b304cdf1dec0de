package io.tributary.gateway.config;

/**
 * Where the gateway listens.
 *
 * @param bind the address every door binds to; loopback unless opened on purpose
 * @param jdbc the Avatica JDBC door
 * @param flight the Arrow Flight SQL door
 */
public record ServerConfig(String bind, DoorConfig jdbc, FlightConfig flight) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_JDBC_PORT = 8765;
  public static final int DEFAULT_FLIGHT_PORT = 32010;

  public ServerConfig {
    bind = bind == null ? DEFAULT_BIND : bind;
    jdbc = jdbc == null ? new DoorConfig(DEFAULT_JDBC_PORT) : jdbc;
    flight = flight == null ? new FlightConfig(DEFAULT_FLIGHT_PORT) : flight;
  }

  public static ServerConfig defaults() {
    return new ServerConfig(null, null, null);
  }
}
