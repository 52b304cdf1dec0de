package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.door.flight.ArrowClient;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile statements from {@link SqlFuzzer} through both doors, to a mesh over
 * databases of its own, so that what it finds changed in them it changed. Each is answered
 * within a bound, with rows or with an error a client can act on: a SQLSTATE, a message without
 * the gateway's insides. Afterwards the gateway answers, holds no store connection busy, lists no
 * query as still running, and neither store has changed: the gateway is read-only whatever it is sent.
 */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException
class SqlFuzzTest {
  private static final long SEED = 20_261_202L;
  private static final int STATEMENTS = 3_000;
  /** Every tenth statement goes through the Flight door too: its errors must be as clear. */
  private static final int FLIGHT_EVERY = 10;
  private static final int CLIENT_TIMEOUT_SECONDS = 10;
  /** Past this a statement counts as a hang, whatever the time-outs promised. */
  private static final Duration HARD_CAP = Duration.ofSeconds(30);
  private static final int ROWS_READ = 200;
  /** As {@link FailureStatesTest} expects of every error, however long the statement it quotes. */
  private static final int MAX_MESSAGE = 600;
  /** Words that mean the gateway's insides leaked into a message instead of an answer. */
  private static final List<String> INTERNALS = List.of("NullPointerException", "ClassCastException",
      "AssertionError", "StackOverflowError", "OutOfMemoryError", "IndexOutOfBoundsException", "IllegalStateException",
      "IllegalArgumentException", "UnsupportedOperationException", "NoSuchElementException", "NumberFormatException",
      "ArithmeticException", "RuntimeException", "java.lang.", "java.util.", "org.apache.", "\tat ");
  private static final String PROBE = "SELECT query FROM tributary.queries /* fuzz probe */"
      + " WHERE state IN ('PLANNING', 'RUNNING') AND query NOT LIKE '%/* fuzz probe */%'";

  private static ExecutorService client;

  @BeforeAll
  static void start() {
    client = Executors.newSingleThreadExecutor(r -> new Thread(r, "fuzz-client"));
  }

  @AfterAll
  static void stop() {
    client.shutdownNow();
  }

  @Test
  void hostileStatementsAreAnsweredClearlyAndChangeNothing() throws Exception {
    FederatedMesh mesh = FederatedMesh.own("fuzz");
    Map<String, String> storesBefore = StoreSnapshot.of(mesh.crmDatabase(), mesh.shopDatabase());
    int sessionsBefore = mesh.gateway().engine().openSessions();
    List<SqlFuzzer.Statement> statements = new SqlFuzzer(SEED).statements(STATEMENTS);
    FuzzTally jdbc = new FuzzTally();
    FuzzTally flight = new FuzzTally();
    List<String> violations = new ArrayList<>();
    long start = System.nanoTime();

    try (Connection c = mesh.connect(); ArrowClient arrow = new ArrowClient(mesh.gateway().flightPort())) {
      for (SqlFuzzer.Statement statement : statements) {
        long sent = System.nanoTime();
        String outcome = bounded(statement, () -> throughJdbc(c, statement.sql()), violations);
        jdbc.add(statement, outcome, System.nanoTime() - sent);
        if (statement.number() % FLIGHT_EVERY == 0 && outcome != null) {
          sent = System.nanoTime();
          String flown = bounded(statement, () -> throughFlight(arrow, statement.sql(), outcome), violations);
          flight.add(statement, flown, System.nanoTime() - sent);
        }
        if (outcome == null) {
          break; // a hung statement holds the connection: what follows would only repeat it
        }
      }
      System.out.printf("fuzz (seed %d): %s in %d s%n%s%nfuzz through Flight: %s%n", SEED, jdbc.summary(),
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), jdbc.byKind(), flight.summary());
      assertEquals(List.of(), violations, violations.size() + " statements were answered badly");
      assertEquals(List.of("1"), Rows.of(c, "SELECT 1"), "the fuzzed connection still answers");
    }

    assertHealthyAfterwards(mesh, sessionsBefore);
    assertEquals(storesBefore, StoreSnapshot.of(mesh.crmDatabase(), mesh.shopDatabase()),
        "no table of either store was created, dropped or changed");
  }

  /** Both doors serve, no query is left running, and no session or store connection is left behind. */
  private static void assertHealthyAfterwards(FederatedMesh mesh, int sessionsBefore) throws Exception {
    try (Connection c = mesh.connect()) {
      assertEquals(List.of("1"), Rows.of(c, "SELECT 1"), "a new JDBC connection is served");
      Eventually.until(Duration.ofSeconds(10), () -> Rows.of(c, PROBE), List::isEmpty);
    }
    try (Connection flightJdbc = ArrowClient.jdbc(mesh.gateway().flightPort())) {
      assertEquals(List.of("1"), Rows.of(flightJdbc, "SELECT 1"), "the Flight door is served");
    }
    Eventually.until(Duration.ofSeconds(10), () -> mesh.gateway().engine().openSessions(), n -> n <= sessionsBefore);
    Eventually.until(Duration.ofSeconds(10), () -> StoreSnapshot.busyGatewayConnections(mesh), List::isEmpty);
  }

  /** Runs one statement on the client thread; a statement past {@link #HARD_CAP} is a violation, and null. */
  private static String bounded(SqlFuzzer.Statement statement, Callable<String> run, List<String> violations)
      throws InterruptedException {
    Future<String> answer = client.submit(run);
    try {
      String outcome = answer.get(HARD_CAP.toSeconds(), TimeUnit.SECONDS);
      if (outcome.startsWith("!")) {
        violations.add(outcome.substring(1) + " -- " + statement.shown());
      }
      return outcome;
    } catch (TimeoutException e) {
      answer.cancel(true);
      violations.add("no answer within " + HARD_CAP.toSeconds() + " s -- " + statement.shown());
      return null;
    } catch (ExecutionException e) {
      violations.add("the client threw " + e.getCause() + " -- " + statement.shown());
      return "!client";
    }
  }

  /** "ok", the SQLSTATE of a clear error and its message after a tab, or a violation starting with "!". */
  private static String throughJdbc(Connection c, String sql) {
    try (Statement statement = c.createStatement()) {
      statement.setQueryTimeout(CLIENT_TIMEOUT_SECONDS);
      if (statement.execute(sql)) {
        try (ResultSet rows = statement.getResultSet()) {
          for (int i = 0; i < ROWS_READ && rows.next(); i++) {
            rows.getObject(1);
          }
        }
      }
      return "ok";
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state == null || state.length() != 5 || state.equals("00000") || state.equals("XX000")) {
        return "!SQLSTATE " + state + ": " + e.getMessage();
      }
      return clear(e.getMessage()) ? state + "\t" + e.getMessage() : "!unclear message (" + state + "): " + e.getMessage();
    }
  }

  /** As {@link #throughJdbc}, by Flight status; INTERNAL only where the JDBC door, too, had no clearer SQLSTATE. */
  private static String throughFlight(ArrowClient arrow, String sql, String jdbcOutcome) throws Exception {
    try {
      arrow.read(arrow.execute(sql));
      return "ok";
    } catch (FlightRuntimeException e) {
      FlightStatusCode code = e.status().code();
      String description = e.status().description();
      if (code == FlightStatusCode.UNKNOWN || code == FlightStatusCode.INTERNAL) {
        return "!Flight " + code + " where JDBC said " + jdbcOutcome + ": " + description;
      }
      return clear(description) ? code.name() : "!unclear Flight message (" + code + "): " + description;
    }
  }

  /** A message a person reads: something, briefly, and nothing of the gateway's insides. */
  private static boolean clear(String message) {
    return message != null && !message.isBlank() && message.length() < MAX_MESSAGE
        && INTERNALS.stream().noneMatch(message::contains);
  }

  /** Outcomes counted, overall and by kind of statement. */
  private static final class FuzzTally {
    private final Map<String, Integer> total = new TreeMap<>();
    private final Map<SqlFuzzer.Kind, Map<String, Integer>> byKind = new TreeMap<>();
    private final Map<SqlFuzzer.Kind, Long> nanosByKind = new TreeMap<>();
    private final Map<String, String> failedValid = new TreeMap<>();
    private int count;

    void add(SqlFuzzer.Statement statement, String outcome, long nanos) {
      SqlFuzzer.Kind kind = statement.kind();
      String key = outcome == null ? "hung" : outcome.startsWith("!") ? "BAD" : outcome.split("\t")[0];
      if (kind == SqlFuzzer.Kind.VALID && !key.equals("ok")) {
        failedValid.putIfAbsent(key, outcome + " -- " + statement.shown()); // a valid query that fails is worth a look
      }
      count++;
      nanosByKind.merge(kind, nanos, Long::sum);
      total.merge(key, 1, Integer::sum);
      byKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(key, 1, Integer::sum);
    }

    String summary() {
      return count + " statements: " + words(total);
    }

    String byKind() {
      return byKind.entrySet().stream().map(e -> "  " + e.getKey() + " (" + e.getValue().values().stream()
              .mapToInt(Integer::intValue).sum() + " in " + TimeUnit.NANOSECONDS.toMillis(nanosByKind.get(e.getKey()))
              + " ms): " + words(e.getValue()))
          .collect(Collectors.joining("\n")) + failedValid.entrySet().stream()
          .map(e -> "\n  a valid query failing with " + e.getKey() + ": " + e.getValue()).collect(Collectors.joining());
    }

    private static String words(Map<String, Integer> counts) {
      return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
  }

  /** What the stores hold, read directly from them, and what the gateway's connections to them are doing. */
  private static final class StoreSnapshot {
    private StoreSnapshot() {}

    /** Every table of both test databases with its row count and a checksum of its rows. */
    static Map<String, String> of(String postgresDatabase, String mariadbDatabase) throws SQLException {
      Map<String, String> tables = new TreeMap<>();
      try (Connection pg = DatabaseServers.postgres().connect(postgresDatabase)) {
        for (String table : Rows.of(pg, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
          tables.put("pg." + table, String.join("", Rows.of(pg, "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text,"
              + " '|' ORDER BY t::text)), '') FROM \"" + table + "\" t")));
        }
      }
      try (Connection my = DatabaseServers.mariadb().connect(mariadbDatabase)) {
        for (String table : Rows.of(my, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")) {
          String checksum = Rows.of(my, "CHECKSUM TABLE `" + table + "`").get(0);
          tables.put("my." + table, Rows.of(my, "SELECT count(*) FROM `" + table + "`").get(0) + " " + checksum);
        }
      }
      assertTrue(tables.size() >= 4, "both stores hold their tables: " + tables.keySet());
      return tables;
    }

    /** Gateway connections to either store that are not idle: running a statement, or left in a transaction. */
    static List<String> busyGatewayConnections(FederatedMesh mesh) throws SQLException {
      List<String> busy = new ArrayList<>();
      try (Connection pg = DatabaseServers.postgres().connect(mesh.crmDatabase())) {
        busy.addAll(Rows.of(pg, "SELECT state || ': ' || left(query, 80) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND application_name = 'tributary' AND state <> 'idle'"));
      }
      try (Connection my = DatabaseServers.mariadb().connect(mesh.shopDatabase())) {
        busy.addAll(Rows.of(my, "SELECT concat(COMMAND, ': ', left(coalesce(INFO, ''), 80))"
            + " FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND COMMAND <> 'Sleep'"));
      }
      return busy;
    }
  }
}
