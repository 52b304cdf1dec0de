package io.tributary.gateway.door;

import io.tributary.gateway.BiMesh;
import io.tributary.gateway.door.flight.ArrowClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * One connection to {@link BiMesh} through each JDBC driver a BI tool may use: Tributary's (the
 * JDBC door) and the Arrow Flight SQL JDBC driver (the Flight door), shared by the test classes
 * and closed with the gateway when the JVM exits. Tests run once per driver name.
 */
final class BothDrivers {
  private static BothDrivers shared;

  static final String TRIBUTARY = "tributary";
  static final String ARROW = "arrow";

  private final Connection tributary;
  private final Connection arrow;

  private BothDrivers(Connection tributary, Connection arrow) {
    this.tributary = tributary;
    this.arrow = arrow;
  }

  static synchronized BothDrivers get() throws SQLException {
    if (shared == null) {
      BiMesh mesh = BiMesh.get();
      Connection tributary = mesh.connect();
      shared = new BothDrivers(tributary, ArrowClient.jdbc(mesh.gateway().flightPort()));
    }
    return shared;
  }

  /** The drivers' names, for {@code @MethodSource("io.tributary.gateway.door.BothDrivers#names")}. */
  static Stream<String> names() {
    return Stream.of(TRIBUTARY, ARROW);
  }

  Connection of(String driver) {
    return driver.equals(TRIBUTARY) ? tributary : arrow;
  }

  Connection tributary() {
    return tributary;
  }

  Connection arrow() {
    return arrow;
  }
}
