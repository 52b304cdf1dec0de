package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launched gateway as an operator runs it: the heap it is given, log lines with their time and
 * query id, an HTTP door that a crowd of slow clients cannot close to others, and a clear word when
 * its port is taken.
 */
class OperationsIT {
  private static final String HEAP = "320m";
  private static final int REQUEST_SECONDS = 3;
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static LaunchedDemo demo;

  @BeforeAll
  static void launch() throws Exception {
    // Each query may hold more than the heap here, so that the heap guard, the backstop behind
    // limits.maxQueryMemory, is what stops the big sort (QueryMemoryLimitTest covers the limit).
    demo = LaunchedDemo.start(Map.of("TRIBUTARY_HEAP", HEAP,
        "TRIBUTARY_JAVA_OPTS", "-Dsun.net.httpserver.maxReqTime=" + REQUEST_SECONDS), "limits: {maxQueryMemory: 4GB}\n");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void theGatewayRunsInTheHeapItIsGiven() throws Exception {
    long heapMax = (long) sum(get("/metrics").body(), "jvm_memory_max_bytes\\{area=\"heap\"");
    long given = 320L << 20;
    assertTrue(heapMax <= given && heapMax > given / 2, "heap limit " + heapMax + " for TRIBUTARY_HEAP=" + HEAP);
  }

  @Test
  void logLinesCarryTheirTimeAndTheQueryTheyAreAbout() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + demo.jdbcPort)) {
      SQLException failed = assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1/0"));
      assertEquals("22012", failed.getSQLState());
    }
    demo.awaitLine("SELECT 1/0", Duration.ofSeconds(10));

    Matcher line = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) INFO .*"
        + " query=(q\\S+) - query failed .*22012.*SELECT 1/0$", Pattern.MULTILINE).matcher(demo.log());
    assertTrue(line.find(), demo.log());
  }

  @Test
  void slowClientsAreCutOffAndDoNotCloseTheHttpDoorToOthers() throws Exception {
    // More trickling uploads than the door has threads: only its time limit can keep it open.
    List<Socket> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 24; i++) {
        Socket socket = new Socket("127.0.0.1", demo.httpPort);
        socket.getOutputStream().write(("PUT /api/products/orders/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100000"
            + "\r\n\r\napiVersion").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        slow.add(socket);
      }

      long asked = System.nanoTime();
      HttpResponse<String> live = get("/health/live");
      Duration answered = Duration.ofNanos(System.nanoTime() - asked);

      assertEquals(200, live.statusCode());
      assertTrue(answered.compareTo(Duration.ofSeconds(3L * REQUEST_SECONDS)) < 0, "answered after " + answered);
      for (Socket socket : slow) {
        assertTrue(cutOff(socket, Duration.ofSeconds(4L * REQUEST_SECONDS)), "a slow upload is cut off");
      }
    } finally {
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aSecondGatewayOnTheSamePortsSaysWhichPortAndWhichSetting() throws Exception {
    try (LaunchedDemo second = demo.again()) {
      assertTrue(second.process().waitFor(90, TimeUnit.SECONDS), "the second gateway exits");

      assertEquals(1, second.process().exitValue());
      String log = second.log();
      assertTrue(log.contains("tributary: the JDBC door cannot listen on 127.0.0.1:" + demo.jdbcPort), log);
      assertTrue(log.contains("gateway.jdbc.port"), log);
      assertFalse(log.contains("\tat "), "no stack trace: " + log);
    }
    assertEquals(200, get("/health/live").statusCode(), "the first gateway serves on");
  }

  /** The demo's ten million order-customer pairs, made in the gateway (the two domains are two stores). */
  private static final String TEN_MILLION_ROWS = "SELECT o.id, o.total, c.id, c.country FROM orders.orders o"
      + " CROSS JOIN customers.customers c";

  @Test
  void aQueryThatWouldFillTheHeapIsStoppedAloneAndItsMemoryComesBack() throws Exception {
    long before = heapUsed();
    try (Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + demo.jdbcPort)) {
      long started = System.nanoTime();
      SQLException stopped = assertThrows(SQLException.class,
          () -> drain(c.createStatement().executeQuery(TEN_MILLION_ROWS + " ORDER BY c.country, o.total DESC, o.id")));
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertEquals("53200", stopped.getSQLState(), stopped.getMessage());
      assertTrue(stopped.getMessage().contains("limits.maxHeapUsage"), stopped.getMessage());
      Thread.sleep(2_000);
      long after = heapUsed();
      System.out.printf("heap guard: sorting 10M rows in a %s heap stopped after %d ms with %s; heap used %d MB"
          + " before, %d MB 2 s after%n", HEAP, took.toMillis(), stopped.getSQLState(), before >> 20, after >> 20);
      // What the stopped query held is free again: a query that needs a good part of the heap runs.
      assertEquals(1_000_000, drain(c.createStatement().executeQuery(
          "SELECT o.id, c.id FROM orders.orders o CROSS JOIN customers.customers c WHERE c.id <= 100"
              + " ORDER BY o.total, c.id")));
    }
  }

  @Test
  void aTenMillionRowQueryCancelledMidwayGivesItsMemoryBack() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + demo.jdbcPort);
         Statement statement = c.createStatement()) {
      ResultSet rows = statement.executeQuery(TEN_MILLION_ROWS);
      int read = 0;
      while (read < 200_000 && rows.next()) {
        read++;
      }
      long during = heapUsed();
      long cancelAt = System.nanoTime();
      statement.cancel();
      SQLException cancelled = assertThrows(SQLException.class, () -> drain(rows));
      Duration stopped = Duration.ofNanos(System.nanoTime() - cancelAt);

      assertEquals("57014", cancelled.getSQLState(), cancelled.getMessage());
      assertTrue(stopped.compareTo(Duration.ofSeconds(5)) < 0, "stopped after " + stopped);
      Thread.sleep(2_000);
      System.out.printf("10M-row query cancelled after %d rows: stopped %d ms after cancel(); heap used %d MB while"
          + " running, %d MB 2 s after%n", read, stopped.toMillis(), during >> 20, heapUsed() >> 20);
      assertEquals(0, queriesRunning(), "nothing of it runs on");
    }
  }

  private static int drain(ResultSet rows) throws SQLException {
    int count = 0;
    while (rows.next()) {
      count++;
    }
    return count;
  }

  private static long heapUsed() throws IOException, InterruptedException {
    return (long) sum(get("/metrics").body(), "jvm_memory_used_bytes\\{area=\"heap\"");
  }

  private static long queriesRunning() throws IOException, InterruptedException {
    return (long) sum(get("/metrics").body(), "tributary_queries_running");
  }

  /** The sum of the Prometheus samples whose name and labels begin with {@code series} (a regex). */
  private static double sum(String metrics, String series) {
    Matcher sample = Pattern.compile("^" + series + "[^\\n]* ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
    double total = 0;
    while (sample.find()) {
      total += Math.max(0, Double.parseDouble(sample.group(1)));
    }
    return total;
  }

  /** Whether the server closes {@code socket} within {@code within}. */
  private static boolean cutOff(Socket socket, Duration within) throws IOException {
    socket.setSoTimeout((int) within.toMillis());
    InputStream in = socket.getInputStream();
    try {
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // a refusal (408, 400) is as good as a close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (SocketException e) {
      return true; // reset by the server
    }
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.httpPort + path))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
