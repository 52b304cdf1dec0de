package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gateways for the tests of a query's life: stores with a table big enough that joining it with
 * itself keeps the store busy for minutes, small connection pools that a leak would drain within a
 * few queries, and text that fails a numeric cast inside PostgreSQL. {@link #gateway()} has the
 * default limits; {@link #strict()} a two-second query time-out and a small result limit;
 * {@link #crowded()} room for three sessions; {@link #untouched()} the defaults, for one test alone;
 * {@link #frugal()} little memory for each query.
 */
public final class LifecycleMesh {
  static final String DATABASE = "tributary_it_lifecycle";
  /** A query each store runs for minutes: a self-join pushed into the store, counted there. */
  static final String SLOW_PG = "SELECT count(*) FROM pg.big a JOIN pg.big b ON a.x < b.x";
  static final String SLOW_MY = "SELECT count(*) FROM my.big a JOIN my.big b ON a.x < b.x";
  static final int POOL = 2;
  /** How long a query waits for a connection of a full pool (connection.maxWait). */
  static final String POOL_WAIT = "3s";
  static final long MAX_ROWS = 100;
  static final int MAX_SESSIONS = 3;
  /** What each query of {@link #frugal()} may hold: less than a gateway-side sort of a big table. */
  static final String MAX_QUERY_MEMORY = "2MB";

  private LifecycleMesh() {}

  public static Gateway gateway() throws SQLException {
    return TestGateways.shared("lifecycle", () -> start("lifecycle.yaml", ""));
  }

  public static Gateway strict() throws SQLException {
    return TestGateways.shared("lifecycle-strict", () -> start("lifecycle-strict.yaml",
        "limits: {queryTimeout: 2s, maxResultRows: " + MAX_ROWS + "}\n"));
  }

  /** A gateway that stops a query whose client has read nothing for one second. */
  public static Gateway impatient() throws SQLException {
    return TestGateways.shared("lifecycle-impatient", () -> start("lifecycle-impatient.yaml",
        "limits: {resultIdleTimeout: 1s}\n"));
  }

  /** A gateway with the default limits that no other test uses: its tables' definitions are read on first use. */
  public static Gateway untouched() throws SQLException {
    return TestGateways.shared("lifecycle-untouched", () -> start("lifecycle-untouched.yaml", ""));
  }

  /** A gateway that serves at most {@link #MAX_SESSIONS} sessions at once, over both doors together. */
  public static Gateway crowded() throws SQLException {
    return TestGateways.shared("lifecycle-crowded", () -> start("lifecycle-crowded.yaml",
        "limits: {maxSessions: " + MAX_SESSIONS + "}\n"));
  }

  /** A gateway where each query may hold {@link #MAX_QUERY_MEMORY} (limits.maxQueryMemory). */
  public static Gateway frugal() throws SQLException {
    return TestGateways.shared("lifecycle-frugal", () -> start("lifecycle-frugal.yaml",
        "limits: {maxQueryMemory: " + MAX_QUERY_MEMORY + "}\n"));
  }

  private static Gateway start(String name, String limits) throws SQLException {
    prepareStores();
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    String yaml = limits + """
        domains:
          - name: pg
            owner: {team: a, contact: a@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s", maxConnections: %d, maxWait: %s}
            tables: [big, words]
          - name: my
            owner: {team: b, contact: b@example.com}
            adapter: mariadb
            connection: {url: "%s", user: "%s", password: "%s", maxConnections: %d, maxWait: %s}
            tables: [big, words]
        """.formatted(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password(), POOL, POOL_WAIT,
        mariadb.jdbcUrl(DATABASE), mariadb.user(), mariadb.password(), POOL, POOL_WAIT);
    return TestGateways.start(name, yaml);
  }

  private static boolean prepared;

  private static synchronized void prepareStores() throws SQLException {
    if (prepared) {
      return;
    }
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(DATABASE);
    mariadb.createDatabase(DATABASE);
    postgres.execute(DATABASE, "CREATE TABLE big (x INT NOT NULL)", "INSERT INTO big SELECT g FROM generate_series(1, 200000) g",
        "CREATE TABLE words (id INT PRIMARY KEY, word TEXT)", "INSERT INTO words VALUES (1, '7'), (2, 'seven')", "ANALYZE");
    mariadb.execute(DATABASE, "CREATE TABLE big (x INT NOT NULL)",
        "INSERT INTO big SELECT seq FROM seq_1_to_50000",
        "CREATE TABLE words (id INT PRIMARY KEY, word VARCHAR(20))", "INSERT INTO words VALUES (1, 'one'), (2, 'two')",
        "ANALYZE TABLE big");
    prepared = true;
  }

  /** Statements on the big table PostgreSQL is running now; parallel workers helping one count with it. */
  static int postgresBusy() throws SQLException {
    try (Connection c = DatabaseServers.postgres().connect(DATABASE); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%big%'"
             + " AND backend_type = 'client backend'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Gateway connections to the PostgreSQL test database left inside a transaction. */
  static int postgresIdleInTransaction() throws SQLException {
    try (Connection c = DatabaseServers.postgres().connect(DATABASE); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
             + " AND application_name = 'tributary' AND state LIKE 'idle in transaction%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Statements on the big table MariaDB is running now. */
  static int mariadbBusy() throws SQLException {
    try (Connection c = DatabaseServers.mariadb().connect(DATABASE); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
             + " AND ID <> CONNECTION_ID() AND COMMAND = 'Query' AND INFO LIKE '%big%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
