package io.tributary.gateway.engine;

import java.util.Locale;

/** How a caller reached the gateway. */
public enum Door {
  JDBC, FLIGHT,
  /** The gateway itself: the queries that build its materializations. */
  GATEWAY;

  /** The name users see, in {@code tributary.queries} and metrics. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
