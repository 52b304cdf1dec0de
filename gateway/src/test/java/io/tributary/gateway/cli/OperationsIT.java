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
import java.sql.SQLException;
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
    demo = LaunchedDemo.start(Map.of("TRIBUTARY_HEAP", HEAP,
        "TRIBUTARY_JAVA_OPTS", "-Dsun.net.httpserver.maxReqTime=" + REQUEST_SECONDS));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void theGatewayRunsInTheHeapItIsGiven() throws Exception {
    String metrics = get("/metrics").body();

    long heapMax = 0;
    Matcher pool = Pattern.compile("^jvm_memory_max_bytes\\{area=\"heap\"[^}]*\\} ([0-9.E+-]+)$", Pattern.MULTILINE)
        .matcher(metrics);
    while (pool.find()) {
      heapMax += Math.max(0, (long) Double.parseDouble(pool.group(1)));
    }
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
