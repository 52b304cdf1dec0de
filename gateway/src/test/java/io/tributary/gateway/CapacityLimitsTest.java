package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.door.flight.ArrowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own capacity, when it runs out, is reported as what it is: a full gateway refuses
 * a new session with SQLSTATE 53300 naming {@code limits.maxSessions} and pushes no session out;
 * a domain whose connection pool is taken fails the next query with 53300 naming the pool's
 * setting, while the domain is still reported up, because its store answers the queries holding it.
 */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException
class CapacityLimitsTest {
  /** DBCP's wait for a free connection, fixed in the JDBC adapter; a refusal comes soon after it. */
  private static final Duration POOL_WAIT = Duration.ofSeconds(3);
  @Test
  void aSessionPastTheLimitIsRefusedNamingTheSettingAndNoSessionIsPushedOut() throws Exception {
    Gateway gateway = LifecycleMesh.crowded();
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < LifecycleMesh.MAX_SESSIONS; i++) {
        open.add(TestGateways.connect(gateway));
      }

      SQLException refused = assertThrows(SQLException.class, () -> TestGateways.connect(gateway).close());

      assertEquals("53300", refused.getSQLState(), refused.getMessage());
      assertTrue(refused.getMessage().contains("limits.maxSessions"), refused.getMessage());
      for (Connection c : open) {
        assertEquals(List.of("2"), Rows.of(c, "SELECT count(*) FROM pg.words"), "every session kept is served");
      }
      open.remove(0).close();
      try (Connection next = TestGateways.connect(gateway)) {
        assertEquals(List.of("1"), Rows.of(next, "SELECT 1"), "a closed session makes room for a new one");
      }
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
  }

  @Test
  void flightStatementsShareTheLimitWithJdbcSessions() throws Exception {
    Gateway gateway = LifecycleMesh.crowded();
    try (ArrowClient arrow = new ArrowClient(gateway.flightPort())) {
      List<FlightInfo> planned = new ArrayList<>();
      for (int i = 0; i < LifecycleMesh.MAX_SESSIONS; i++) {
        planned.add(arrow.execute("SELECT id FROM my.words")); // each holds a session until its rows are read
      }

      FlightRuntimeException full = assertThrows(FlightRuntimeException.class, () -> arrow.execute("SELECT 1"));
      SQLException refused = assertThrows(SQLException.class, () -> TestGateways.connect(gateway).close());

      assertEquals(FlightStatusCode.RESOURCE_EXHAUSTED, full.status().code(), full.status().description());
      assertTrue(full.status().description().contains("limits.maxSessions"), full.status().description());
      assertEquals("53300", refused.getSQLState(), refused.getMessage());
      for (FlightInfo info : planned) {
        assertEquals(List.of("1", "2"), arrow.read(info).rows(), "the statements planned first are served");
      }
      Eventually.until(Duration.ofSeconds(5), () -> gateway.engine().openSessions(), n -> n == 0);
      assertEquals(List.of("1"), arrow.read(arrow.execute("SELECT 1")).rows(), "read statements make room");
    }
  }

  @Test
  void aFullConnectionPoolIsReportedAsBusyNamingItsSettingNotAsTheStoreBeingDown() throws Exception {
    // A gateway whose `words` tables no query has used: their definitions need a connection too.
    Gateway gateway = LifecycleMesh.untouched();
    ExecutorService clients = Executors.newCachedThreadPool();
    List<Statement> slow = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < LifecycleMesh.POOL; i++) {
        Connection c = TestGateways.connect(gateway);
        connections.add(c);
        Statement statement = c.createStatement();
        slow.add(statement);
        clients.submit(() -> Rows.read(statement.executeQuery(LifecycleMesh.SLOW_PG)));
      }
      Eventually.until(Duration.ofSeconds(20), LifecycleMesh::postgresBusy, busy -> busy == LifecycleMesh.POOL);
      Connection third = TestGateways.connect(gateway);
      Connection operator = TestGateways.connect(gateway);
      Connection elsewhere = TestGateways.connect(gateway);
      connections.addAll(List.of(third, operator, elsewhere));

      long start = System.nanoTime();
      Future<List<String>> waiting = clients.submit(() -> Rows.of(third, "SELECT count(*) FROM pg.words"));
      Future<List<String>> status = clients.submit(() -> Rows.of(operator,
          "SELECT status FROM tributary.domains WHERE domain = 'pg'"));
      List<String> otherDomain = Rows.of(elsewhere, "SELECT count(*) FROM my.words");

      SQLException busy = failure(waiting);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertEquals("53300", busy.getSQLState(), busy.getMessage());
      assertTrue(busy.getMessage().contains("connection.maxConnections") && busy.getMessage().contains("in use")
          && busy.getMessage().contains("within 3000 ms (connection.maxWait)"), busy.getMessage());
      assertTrue(waited.compareTo(POOL_WAIT) >= 0 && waited.compareTo(POOL_WAIT.plusSeconds(5)) < 0,
          "refused after " + waited.toMillis() + " ms, for a wait of " + POOL_WAIT.toMillis() + " ms");
      assertEquals(List.of("UP"), status.get(30, TimeUnit.SECONDS), "a busy store still answers: it is up");
      // Health answers are kept a few seconds (the one from start-up too), so the busy one may come next.
      HttpRequest askReady = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort()
          + "/health/ready?domain=pg")).timeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> ready = Eventually.until(Duration.ofSeconds(15),
          () -> HttpClient.newHttpClient().send(askReady, HttpResponse.BodyHandlers.ofString()),
          answer -> answer.statusCode() != 200 || answer.body().contains("busy"));
      assertEquals(200, ready.statusCode(), "a busy store is up: " + ready.body());
      assertTrue(ready.body().contains("connection.maxConnections"), ready.body());
      assertEquals(List.of("2"), otherDomain, "other domains' pools are their own");

      for (Statement statement : slow) {
        statement.cancel();
      }
      Eventually.until(Duration.ofSeconds(10), LifecycleMesh::postgresBusy, n -> n == 0);
      assertEquals(List.of("2"), Rows.of(third, "SELECT count(*) FROM pg.words"), "the pool serves again");
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      clients.shutdownNow();
    }
  }

  private static SQLException failure(Future<?> running) throws Exception {
    try {
      running.get(POOL_WAIT.toSeconds() + 20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(SQLException.class, e.getCause());
    }
    throw new AssertionError("the query did not fail");
  }
}
