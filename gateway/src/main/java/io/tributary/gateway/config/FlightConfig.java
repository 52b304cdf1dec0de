package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Arrow Flight SQL door.
 *
 * @param port the TCP port; 0 picks a free one
 * @param batchRows rows per Arrow record batch: what the door holds in memory per running query
 */
public record FlightConfig(int port, int batchRows) {
  public static final int DEFAULT_BATCH_ROWS = 8192;
  /** Larger batches buy little throughput and cost memory per query in the gateway and the client. */
  public static final int MAX_BATCH_ROWS = 1_000_000;

  /** The door on {@code port}, sending batches of the default size. */
  public FlightConfig(int port) {
    this(port, DEFAULT_BATCH_ROWS);
  }

  /** From YAML: a key left out takes its default, so a missing port never means "any free port". */
  @JsonCreator
  static FlightConfig fromYaml(@JsonProperty("port") Integer port, @JsonProperty("batchRows") Integer batchRows) {
    return new FlightConfig(port == null ? ServerConfig.DEFAULT_FLIGHT_PORT : port,
        batchRows == null ? DEFAULT_BATCH_ROWS : batchRows);
  }
}
