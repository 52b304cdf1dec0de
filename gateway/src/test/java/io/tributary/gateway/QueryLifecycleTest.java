package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A query can always be stopped, and stopping it stops its statements in the stores too: JDBC
 * {@code cancel()} and {@code setQueryTimeout}, the gateway's own time-out, and a cancel by id
 * from another session. Each stopped query fails with SQLSTATE 57014 and is listed in
 * {@code tributary.queries} as cancelled.
 */
class QueryLifecycleTest {
  private static final Duration STORE_STOPS_WITHIN = Duration.ofSeconds(5);
  private static ExecutorService clients;

  @BeforeAll
  static void start() {
    clients = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stop() {
    clients.shutdownNow();
  }

  @Test
  void theSlowQueriesRunEntirelyInsideTheirStore() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway())) {
      for (String slow : List.of(LifecycleMesh.SLOW_PG, LifecycleMesh.SLOW_MY)) {
        String plan = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + slow));
        assertTrue(plan.contains("JdbcJoin") && plan.contains("JdbcAggregate") && plan.startsWith("JdbcToEnumerableConverter")
            && !plan.contains("Enumerable" + "Join"), plan);
      }
    }
  }

  @Test
  void statementCancelReturnsAtOnceAndStopsThePostgresStatement() throws Exception {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway()); Statement statement = c.createStatement()) {
      Future<List<String>> running = clients.submit(() -> Rows.read(statement.executeQuery(LifecycleMesh.SLOW_PG)));
      Eventually.until(Duration.ofSeconds(20), LifecycleMesh::postgresBusy, busy -> busy == 1);

      long cancelAt = System.nanoTime();
      statement.cancel();
      Duration cancelReturned = Duration.ofNanos(System.nanoTime() - cancelAt);
      Eventually.until(STORE_STOPS_WITHIN, LifecycleMesh::postgresBusy, busy -> busy == 0);
      Duration storeStopped = Duration.ofNanos(System.nanoTime() - cancelAt);

      SQLException cancelled = failure(running);
      assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
      assertTrue(cancelReturned.compareTo(Duration.ofSeconds(2)) < 0, "cancel() returned after " + cancelReturned);
      System.out.printf("cancel -> store stopped: %d ms (cancel() returned after %d ms)%n", storeStopped.toMillis(),
          cancelReturned.toMillis());
      assertEquals(List.of("1"), Rows.of(c, "SELECT count(*) FROM pg.words WHERE id = 1"), "the connection answers again");
    }
  }

  @Test
  void statementCancelStopsTheMariadbStatement() throws Exception {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway()); Statement statement = c.createStatement()) {
      Future<List<String>> running = clients.submit(() -> Rows.read(statement.executeQuery(LifecycleMesh.SLOW_MY)));
      Eventually.until(Duration.ofSeconds(20), LifecycleMesh::mariadbBusy, busy -> busy == 1);

      statement.cancel();

      Eventually.until(STORE_STOPS_WITHIN, LifecycleMesh::mariadbBusy, busy -> busy == 0);
      assertEquals("57014", failure(running).getSQLState());
    }
  }

  @Test
  void aQueryTimeoutSetByTheClientStopsTheQueryAndItsStoreStatement() throws Exception {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway()); Statement statement = c.createStatement()) {
      statement.setQueryTimeout(1);
      long start = System.nanoTime();

      SQLException timedOut = assertThrows(SQLException.class, () -> Rows.read(statement.executeQuery(LifecycleMesh.SLOW_PG)));

      assertInstanceOf(SQLTimeoutException.class, timedOut, timedOut.getMessage());
      assertEquals("57014", timedOut.getSQLState());
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "stopped soon after the time-out");
      Eventually.until(STORE_STOPS_WITHIN, LifecycleMesh::postgresBusy, busy -> busy == 0);
    }
  }

  @Test
  void theGatewaysQueryTimeoutStopsAQueryNamingTheSetting() throws Exception {
    try (Connection c = TestGateways.connect(LifecycleMesh.strict())) {
      SQLException timedOut = assertThrows(SQLException.class, () -> Rows.of(c, LifecycleMesh.SLOW_PG));

      assertEquals("57014", timedOut.getSQLState());
      assertTrue(timedOut.getMessage().contains("limits.queryTimeout") && timedOut.getMessage().contains("2 s"),
          timedOut.getMessage());
      Eventually.until(STORE_STOPS_WITHIN, LifecycleMesh::postgresBusy, busy -> busy == 0);
    }
  }

  @Test
  void aQueryIsListedWhileItRunsAndCanBeCancelledByIdFromAnotherSession() throws Exception {
    Gateway gateway = LifecycleMesh.gateway();
    try (Connection analyst = TestGateways.connect(gateway); Connection operator = TestGateways.connect(gateway)) {
      Future<List<String>> running = clients.submit(() -> Rows.of(analyst, LifecycleMesh.SLOW_PG));
      String sql = "SELECT query_id FROM tributary.queries WHERE state = 'RUNNING' AND query = '"
          + LifecycleMesh.SLOW_PG + "'";
      String id = Eventually.until(Duration.ofSeconds(20), () -> Rows.of(operator, sql), ids -> ids.size() == 1).get(0);

      List<String> answer = Rows.of(operator, "CALL tributary.cancel_query('" + id + "')");

      assertEquals(List.of(id + " | query " + id + " cancelled"), answer);
      assertEquals("57014", failure(running).getSQLState());
      Eventually.until(STORE_STOPS_WITHIN, LifecycleMesh::postgresBusy, busy -> busy == 0);
      assertEquals(List.of("CANCELLED | pg | jdbc"), Rows.of(operator,
          "SELECT state, domains, door FROM tributary.queries WHERE query_id = '" + id + "'"));
    }
  }

  @Test
  void finishedQueriesAreListedWithTheirRowsAndDomains() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway())) {
      String sql = "SELECT w.word, m.word FROM pg.words w JOIN my.words m ON w.id = m.id";
      assertEquals(2, Rows.of(c, sql).size());

      List<String> listed = Rows.of(c, "SELECT state, rows_returned, domains, outcome FROM tributary.queries"
          + " WHERE query = '" + sql + "'");

      assertEquals(List.of("FINISHED | 2 | my,pg | null"), listed);
    }
  }

  @Test
  void aResultLargerThanTheLimitFailsNamingTheSetting() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.strict())) {
      SQLException tooMany = assertThrows(SQLException.class, () -> Rows.of(c, "SELECT x FROM pg.big"));

      assertEquals("54000", tooMany.getSQLState());
      assertTrue(tooMany.getMessage().contains("limits.maxResultRows"), tooMany.getMessage());
      assertEquals(List.of(String.valueOf(LifecycleMesh.MAX_ROWS)),
          Rows.of(c, "SELECT count(*) FROM (SELECT x FROM pg.big LIMIT " + LifecycleMesh.MAX_ROWS + ") t"));
    }
  }

  @Test
  void aQueryWhoseClientStopsReadingIsStoppedAndGivesItsStoreConnectionBack() throws Exception {
    try (Connection c = TestGateways.connect(LifecycleMesh.impatient()); Statement statement = c.createStatement()) {
      statement.setFetchSize(10);
      java.sql.ResultSet rows = statement.executeQuery("SELECT x FROM pg.big");
      assertTrue(rows.next());

      Eventually.until(Duration.ofSeconds(10), () -> Rows.of(c, "SELECT count(*) FROM tributary.queries"
          + " WHERE query = 'SELECT x FROM pg.big' AND state = 'CANCELLED'"), n -> n.equals(List.of("1")));

      SQLException stopped = assertThrows(SQLException.class, () -> {
        while (rows.next()) {
          // the rows the driver already holds, then the gateway's answer
        }
      });
      assertTrue(stopped.getMessage().contains("limits.resultIdleTimeout"), stopped.getMessage());
      assertEquals(0, LifecycleMesh.postgresIdleInTransaction());
    }
  }

  @Test
  void failingCrossDomainJoinsGiveEveryStoreConnectionBack() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway())) {
      // PostgreSQL fails casting `seven` while MariaDB's side of the join is open.
      String failing = "SELECT m.word FROM my.words m JOIN pg.words w ON m.id = w.id WHERE CAST(w.word AS INTEGER) > 0";
      for (int i = 0; i < LifecycleMesh.POOL * 5; i++) {
        SQLException e = assertThrows(SQLException.class, () -> Rows.of(c, failing));
        assertEquals("22P02", e.getSQLState(), e.getMessage());
      }

      assertEquals(List.of("2 | 2"), Rows.of(c, "SELECT (SELECT count(*) FROM pg.words), (SELECT count(*) FROM my.words)"));
      assertEquals(0, LifecycleMesh.postgresIdleInTransaction());
    }
  }

  private static SQLException failure(Future<?> running) throws Exception {
    try {
      running.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return assertInstanceOf(SQLException.class, e.getCause());
    }
    throw new AssertionError("the query did not fail");
  }
}
