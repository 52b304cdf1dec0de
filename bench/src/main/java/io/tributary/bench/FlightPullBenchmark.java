package io.tributary.bench;

import io.tributary.gateway.config.FlightConfig;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * One large result pulled through the gateway's two doors in the same run: Arrow Flight SQL
 * (record batches, read with Arrow's Java Flight SQL client, as pyarrow reads them) and
 * Tributary's JDBC driver (rows, {@code getObject} on every column, as a JDBC tool reads them).
 * The gateway runs in its own JVM so that its memory is measured apart from the clients'.
 * Interleaved rounds after a warm-up; medians and their ratio.
 *
 * <p>Run: {@code mvn -B -q -DskipTests install && mvn -B -q -pl bench exec:exec@flight-pull}
 */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
public final class FlightPullBenchmark {
  private static final String DATABASE = "tributary_it_bench";
  private static final int ROWS = 1_000_000;
  private static final String QUERY = "SELECT * FROM bench.events";
  private static final int WARM_UP = 1;
  private static final int ROUNDS = 5;
  private static final String GATEWAY_HEAP = "1g";
  private static final double MB = 1024 * 1024;

  private FlightPullBenchmark() {}

  public static void main(String[] args) throws Exception {
    DatabaseServer postgres = DatabaseServers.postgres();
    createEvents(postgres);
    try (GatewayProcess gateway = GatewayProcess.start(domain(postgres), GATEWAY_HEAP, FlightConfig.DEFAULT_BATCH_ROWS);
         BufferAllocator allocator = new RootAllocator()) {
      FlightClient client = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", gateway.flightPort())).build();
      try (FlightSqlClient flight = new FlightSqlClient(client)) { // closes the client
        CallOption token = client.authenticateBasicToken("bench", "").orElseThrow();
        compare(gateway, flight, token);
      }
    }
  }

  /** Warm-up, then interleaved rounds so machine noise hits both doors alike. */
  private static void compare(GatewayProcess gateway, FlightSqlClient flight, CallOption token) throws Exception {
    DoorRuns flightRuns = new DoorRuns("Flight SQL", () -> pullFlight(flight, token), ROUNDS);
    DoorRuns jdbcRuns = new DoorRuns("JDBC", () -> pullJdbc(gateway.jdbcPort()), ROUNDS);
    for (int i = 0; i < WARM_UP; i++) {
      flightRuns.pull();
      jdbcRuns.pull();
    }
    long idleResident = gateway.residentBytes();
    long idleHeap = gateway.heapUsedBytes();
    for (int round = 0; round < ROUNDS; round++) {
      flightRuns.measure(gateway);
      jdbcRuns.measure(gateway);
    }
    report(flightRuns, jdbcRuns, idleResident, idleHeap);
  }

  private static void createEvents(DatabaseServer postgres) throws SQLException {
    postgres.createDatabase(DATABASE);
    postgres.execute(DATABASE,
        "CREATE TABLE events (id BIGINT PRIMARY KEY, customer_id INT NOT NULL, amount DECIMAL(12, 2) NOT NULL,"
            + " score DOUBLE PRECISION, label VARCHAR(40) NOT NULL, flagged BOOLEAN NOT NULL, event_day DATE NOT NULL,"
            + " happened_at TIMESTAMP NOT NULL)",
        "INSERT INTO events SELECT i, (i % 50000)::int, (i % 1000000) / 100.0,"
            + " CASE WHEN i % 10 = 0 THEN NULL ELSE sin(i) END, 'event-' || i, i % 7 = 0,"
            + " DATE '2020-01-01' + (i % 1500), TIMESTAMP '2020-01-01' + i * INTERVAL '1 second'"
            + " FROM generate_series(1, " + ROWS + ") i",
        "ANALYZE events");
  }

  private static String domain(DatabaseServer postgres) {
    return """
        domains:
          - name: bench
            owner: {team: bench, contact: bench@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [events]
        """.formatted(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
  }

  /** Every record batch of the result, kept as Arrow data: what a data scientist's client does. */
  private static Pulled pullFlight(FlightSqlClient flight, CallOption token) throws Exception {
    FlightInfo info = flight.execute(QUERY, token);
    long rows = 0;
    long bytes = 0;
    try (FlightStream stream = flight.getStream(info.getEndpoints().get(0).getTicket(), token)) {
      while (stream.next()) {
        rows += stream.getRoot().getRowCount();
        for (FieldVector column : stream.getRoot().getFieldVectors()) {
          bytes += column.getBufferSize();
        }
      }
    }
    return new Pulled(rows, bytes);
  }

  /** Every value of every row through {@code getObject}: what a JDBC tool does. */
  private static Pulled pullJdbc(int port) throws SQLException {
    long rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + port);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(QUERY)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        rows++;
      }
    }
    return new Pulled(rows, 0);
  }

  private static void report(DoorRuns flight, DoorRuns jdbc, long idleResident, long idleHeap) {
    double arrowMb = flight.lastPull().arrowBytes() / MB;
    System.out.printf(Locale.ROOT, "%n%s: %,d rows x 8 columns (BIGINT, INT, DECIMAL(12,2), DOUBLE with 10%% NULLs,"
        + " VARCHAR, BOOLEAN, DATE, TIMESTAMP), %.1f MB as Arrow data%n", QUERY, flight.lastPull().rows(), arrowMb);
    System.out.printf(Locale.ROOT, "gateway: own JVM, -Xmx%s, Flight batches of %d rows; median of %d interleaved runs"
        + " after %d warm-up%n%n", GATEWAY_HEAP, FlightConfig.DEFAULT_BATCH_ROWS, ROUNDS, WARM_UP);
    System.out.printf(Locale.ROOT, "%-11s %9s %12s %13s %12s %9s %10s %15s%n", "door", "median s", "rows/s",
        "MB/s (Arrow)", "MB/s (wire)", "RSS peak", "heap peak", "heap after GC");
    for (DoorRuns door : new DoorRuns[] {flight, jdbc}) {
      double seconds = door.medianSeconds();
      System.out.printf(Locale.ROOT, "%-11s %9.2f %,12.0f %13.1f %12.1f %6.0f MB %7.0f MB %12.0f MB%n", door.name(),
          seconds, door.lastPull().rows() / seconds, arrowMb / seconds, door.medianWireBytes() / MB / seconds,
          door.residentPeak() / MB, door.heapPeak() / MB, door.liveHeapPeak() / MB);
    }
    System.out.printf(Locale.ROOT, "%nFlight SQL / JDBC: %.1fx rows/s%n", jdbc.medianSeconds() / flight.medianSeconds());
    System.out.printf(Locale.ROOT, "gateway before the measured runs: RSS %.0f MB, heap used %.0f MB%n",
        idleResident / MB, idleHeap / MB);
    System.out.println("memory: the gateway's peaks while each door pulls; heap after GC is the most the gateway"
        + " kept alive after a collection during the pull");
  }

  /** What one pull received: rows, and (Flight only) the size of the record batches. */
  record Pulled(long rows, long arrowBytes) {}
}
