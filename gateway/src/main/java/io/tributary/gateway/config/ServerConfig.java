package io.tributary.gateway.config;

/**
 * Where the gateway listens.
 *
 * @param bind the address every door binds to; loopback unless opened on purpose
 * @param jdbc the Avatica JDBC door
 * @param flight the Arrow Flight SQL door
 * @param http the HTTP API: the catalog's ({@code /api/catalog}, {@code /api/products/...}), later admin
 */
public record ServerConfig(String bind, DoorConfig jdbc, FlightConfig flight, DoorConfig http) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_JDBC_PORT = 8765;
  public static final int DEFAULT_FLIGHT_PORT = 32010;
  public static final int DEFAULT_HTTP_PORT = 8080;

  public ServerConfig {
    bind = bind == null ? DEFAULT_BIND : bind;
    jdbc = jdbc == null ? new DoorConfig(DEFAULT_JDBC_PORT) : jdbc;
    flight = flight == null ? new FlightConfig(DEFAULT_FLIGHT_PORT) : flight;
    http = http == null ? new DoorConfig(DEFAULT_HTTP_PORT) : http;
  }

  public static ServerConfig defaults() {
    return new ServerConfig(null, null, null, null);
  }
}
