package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

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

  /** From YAML: a door written without its port (`jdbc: {}`) listens on its default port, not on a free one. */
  @JsonCreator
  static ServerConfig fromYaml(@JsonProperty("bind") String bind, @JsonProperty("jdbc") DoorYaml jdbc,
      @JsonProperty("flight") FlightConfig flight, @JsonProperty("http") DoorYaml http) {
    return new ServerConfig(bind, DoorYaml.port(jdbc, DEFAULT_JDBC_PORT), flight, DoorYaml.port(http, DEFAULT_HTTP_PORT));
  }

  /** A door as written in YAML, its port possibly left out. */
  record DoorYaml(Integer port) {
    static DoorConfig port(DoorYaml door, int fallback) {
      return new DoorConfig(door == null || door.port() == null ? fallback : door.port());
    }
  }
}
