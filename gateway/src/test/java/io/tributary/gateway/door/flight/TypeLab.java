package io.tributary.gateway.door.flight;

import io.tributary.gateway.Gateway;
import io.tributary.gateway.TestGateways;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A second gateway for the Flight door's own needs: domain `lab` in PostgreSQL with a table of
 * every SQL type the door maps (one row of values, one row of NULLs, one of edge values) and a
 * table of {@value #NUMBERS} numbers, served in record batches of {@value #BATCH_ROWS} rows.
 */
final class TypeLab {
  static final String DATABASE = "tributary_it_flight_types";
  static final int BATCH_ROWS = 1_000;
  static final int NUMBERS = 10_500;

  private static Gateway gateway;

  private TypeLab() {}

  /** Started on first use; stopped when the test JVM exits. */
  static synchronized Gateway gateway() throws SQLException {
    if (gateway == null) {
      gateway = start();
      Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "type-lab-shutdown"));
    }
    return gateway;
  }

  /** Sessions of the lab's store busy with a query or holding one open (a cursor between fetches). */
  static int storeQueriesInProgress() throws SQLException {
    try (Connection c = DatabaseServers.postgres().connect(DATABASE);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
             + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    postgres.createDatabase(DATABASE);
    postgres.execute(DATABASE,
        "CREATE TABLE all_types (id INT PRIMARY KEY, small_v SMALLINT, int_v INT, big_v BIGINT, real_v REAL,"
            + " double_v DOUBLE PRECISION, decimal_v DECIMAL(12, 3), text_v VARCHAR(40), bool_v BOOLEAN, date_v DATE,"
            + " time_v TIME, ts_v TIMESTAMP, tstz_v TIMESTAMPTZ, bytes_v BYTEA)",
        "INSERT INTO all_types VALUES (1, -32768, 2147483647, 9223372036854775807, 1.5, 2.25, 123456789.123,"
            + " 'Zürich ✓', true, DATE '2024-02-29', TIME '13:45:30.123', TIMESTAMP '2024-02-29 13:45:30.123',"
            + " TIMESTAMPTZ '2024-02-29 13:45:30.123+02', '\\xDEADBEEF')",
        "INSERT INTO all_types (id) VALUES (2)",
        "INSERT INTO all_types VALUES (3, 32767, -2147483648, -9223372036854775808, -0.25, -1e300, -0.001,"
            + " '', false, DATE '1969-12-31', TIME '00:00:00', TIMESTAMP '1960-01-01 00:00:00.001',"
            + " TIMESTAMPTZ '1960-01-01 00:00:00+00', '\\x00')",
        "CREATE TABLE numbers (n INT PRIMARY KEY, label VARCHAR(20) NOT NULL)",
        "INSERT INTO numbers SELECT i, 'n' || i FROM generate_series(1, " + NUMBERS + ") i",
        "ANALYZE");
    String yaml = """
        gateway:
          jdbc: {port: 0}
          flight: {port: 0, batchRows: %d}
          http: {port: 0}
        domains:
          - name: lab
            owner: {team: flight, contact: flight@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [all_types, numbers]
        """.formatted(BATCH_ROWS, postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    return TestGateways.start("lab.yaml", yaml);
  }
}
