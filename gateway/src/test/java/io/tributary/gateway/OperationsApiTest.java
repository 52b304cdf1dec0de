package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator's tools ask the HTTP door: is the gateway alive, which domains answer, the
 * Prometheus metrics of its queries and of the JVM, and the running queries, one of which they
 * can stop by id.
 */
class OperationsApiTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ExecutorService clients;

  @BeforeAll
  static void startClients() {
    clients = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopClients() {
    clients.shutdownNow();
  }

  @Test
  void liveAnswersWhileTheGatewayRuns() throws Exception {
    HttpResponse<String> live = get(LifecycleMesh.gateway(), "/health/live");

    assertEquals(200, live.statusCode());
    assertEquals("UP", JSON.readTree(live.body()).path("status").asText());
  }

  @Test
  void readyListsEveryDomainAndIsUpWhenAllAnswer() throws Exception {
    HttpResponse<String> ready = get(LifecycleMesh.gateway(), "/health/ready");

    assertEquals(200, ready.statusCode(), ready.body());
    JsonNode body = JSON.readTree(ready.body());
    assertEquals("UP", body.path("status").asText(), ready.body());
    assertEquals("UP", body.path("domains").path("pg").path("status").asText(), ready.body());
    assertEquals("UP", body.path("domains").path("my").path("status").asText(), ready.body());
  }

  @Test
  void aDomainThatDoesNotAnswerMakesTheGatewayDegradedNotUnready() throws Exception {
    Gateway mesh = FederatedMesh.get().gateway();

    HttpResponse<String> ready = get(mesh, "/health/ready");
    HttpResponse<String> archive = get(mesh, "/health/ready?domain=archive");
    HttpResponse<String> customers = get(mesh, "/health/ready?domain=customers");
    HttpResponse<String> unknown = get(mesh, "/health/ready?domain=nowhere");

    assertEquals(200, ready.statusCode(), "the other domains are served");
    JsonNode body = JSON.readTree(ready.body());
    assertEquals("DEGRADED", body.path("status").asText(), ready.body());
    assertEquals("DOWN", body.path("domains").path("archive").path("status").asText(), ready.body());
    assertTrue(body.path("domains").path("archive").path("detail").asText().contains("127.0.0.1:1"), ready.body());
    assertEquals(503, archive.statusCode(), archive.body());
    assertEquals(200, customers.statusCode(), customers.body());
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("archive"), "names the domains there are: " + unknown.body());
  }

  @Test
  void aDomainThatIsDownAtStartUpIsNamedInTheLogAndTheOthersAreServed() throws Exception {
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger log = (Logger) LoggerFactory.getLogger(Gateway.class);
    logged.start();
    log.addAppender(logged);
    try (Gateway gateway = TestGateways.start("down-at-start.yaml", """
        domains:
          - name: ledger
            owner: {team: finance, contact: finance@example.com}
            adapter: postgresql
            connection: {url: "jdbc:postgresql://127.0.0.1:1/ledger", user: nobody}
            tables: [entries]
        """)) {
      assertEquals(200, get(gateway, "/health/live").statusCode());
    } finally {
      log.detachAppender(logged);
    }

    List<String> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).toList();
    assertTrue(warnings.stream().anyMatch(w -> w.startsWith("domain `ledger` does not answer") && w.contains("127.0.0.1:1")),
        warnings.toString());
  }

  @Test
  void metricsCountQueriesByDoorAndOutcomeWithLatencyAndStoreStatements() throws Exception {
    Gateway gateway = LifecycleMesh.gateway();
    String before = get(gateway, "/metrics").body();
    try (Connection c = TestGateways.connect(gateway)) {
      Rows.of(c, "SELECT w.word FROM pg.words w JOIN my.words m ON w.id = m.id");
      assertThrows(SQLException.class, () -> Rows.of(c, "SELECT 1/0"));
    }

    HttpResponse<String> scraped = get(gateway, "/metrics");

    assertEquals(200, scraped.statusCode());
    assertTrue(scraped.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    String after = scraped.body();
    String finished = "tributary_queries_total{door=\"jdbc\",outcome=\"finished\"}";
    String failed = "tributary_queries_total{door=\"jdbc\",outcome=\"failed\"}";
    assertTrue(value(after, finished) >= value(before, finished) + 1, after);
    assertEquals(value(before, failed) + 1, value(after, failed), 0.0, after);
    assertTrue(value(after, "tributary_store_statements_total{domain=\"pg\"}")
        > value(before, "tributary_store_statements_total{domain=\"pg\"}"), "the join read pg");
    assertTrue(value(after, "tributary_store_statements_total{domain=\"my\"}")
        > value(before, "tributary_store_statements_total{domain=\"my\"}"), "and my");
    assertTrue(after.contains("tributary_query_duration_seconds_bucket{door=\"jdbc\",outcome=\"finished\",le="), after);
    assertTrue(after.contains("tributary_query_planning_seconds_count{door=\"jdbc\""), after);
    assertEquals(1.0, value(after, "tributary_domain_up{domain=\"pg\"}"), 0.0);
    assertTrue(value(after, "jvm_memory_used_bytes{area=\"heap\"") > 0, "the JVM's heap is measured");
  }

  /** Three times: the cancel lands anywhere from before the store statement exists to while it runs. */
  @RepeatedTest(3)
  void aRunningQueryIsListedAndCancelledByIdOverHttp() throws Exception {
    Gateway gateway = LifecycleMesh.gateway();
    try (Connection analyst = TestGateways.connect(gateway)) {
      Future<List<String>> running = clients.submit(() -> Rows.of(analyst, LifecycleMesh.SLOW_PG));
      String id = Eventually.until(Duration.ofSeconds(20), () -> runningId(gateway), found -> found != null);

      HttpResponse<String> cancelled = post(gateway, "/api/queries/" + id + "/cancel");

      assertEquals(200, cancelled.statusCode(), cancelled.body());
      assertEquals("query " + id + " cancelled", JSON.readTree(cancelled.body()).path("outcome").asText());
      ExecutionException failed = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
      assertEquals("57014", assertInstanceOf(SQLException.class, failed.getCause()).getSQLState());
      Eventually.until(Duration.ofSeconds(5), LifecycleMesh::postgresBusy, busy -> busy == 0);
    }
  }

  @Test
  void cancellingAnUnknownQueryOrWithTheWrongMethodIsAClearRefusal() throws Exception {
    Gateway gateway = LifecycleMesh.gateway();

    HttpResponse<String> unknown = post(gateway, "/api/queries/q-none/cancel");
    HttpResponse<String> wrongMethod = get(gateway, "/api/queries/q-none/cancel");
    HttpResponse<String> nowhere = get(gateway, "/health/elsewhere");

    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("no query q-none"), unknown.body());
    assertEquals(405, wrongMethod.statusCode());
    assertTrue(wrongMethod.body().contains("POST"), wrongMethod.body());
    assertEquals(404, nowhere.statusCode());
    assertTrue(nowhere.body().contains("/health/ready"), "lists what is served: " + nowhere.body());
  }

  private static String runningId(Gateway gateway) throws IOException, InterruptedException {
    for (JsonNode query : JSON.readTree(get(gateway, "/api/queries").body()).path("queries")) {
      if (query.path("state").asText().equals("RUNNING") && query.path("query").asText().equals(LifecycleMesh.SLOW_PG)) {
        return query.path("query_id").asText();
      }
    }
    return null;
  }

  /** The value of the Prometheus sample whose name and labels begin with {@code series}, 0 if absent. */
  private static double value(String scraped, String series) {
    Matcher sample = Pattern.compile("^" + Pattern.quote(series) + "(?:[^}\\n]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE)
        .matcher(scraped);
    return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
  }

  private static HttpResponse<String> get(Gateway gateway, String path) throws IOException, InterruptedException {
    return send(gateway, HttpRequest.newBuilder(uri(gateway, path)).GET());
  }

  private static HttpResponse<String> post(Gateway gateway, String path) throws IOException, InterruptedException {
    return send(gateway, HttpRequest.newBuilder(uri(gateway, path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(Gateway gateway, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(Gateway gateway, String path) {
    return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
  }
}
