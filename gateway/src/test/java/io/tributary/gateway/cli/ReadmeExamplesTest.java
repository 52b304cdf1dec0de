package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.gateway.Eventually;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.Rows;
import io.tributary.gateway.door.flight.PythonFlightClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every example of README.md, read from README.md itself and run against the demo it tells the
 * reader to start: an edit of the README that breaks an example, or a change of the gateway that
 * breaks the README, fails the build.
 */
class ReadmeExamplesTest {
  /**
   * Each kind of command the README's {@code sh} blocks show, and the test that runs it. A command
   * of no kind here fails {@link #everyShellCommandIsRunByATest()}: give it a test, then a line here.
   */
  private static final Map<Predicate<String>, String> COMMANDS = Map.of(
      Pattern.compile("mvn -B -q -DskipTests package && bin/tributary demo").asMatchPredicate(),
      "LauncherIT (on the package the build has just made)",
      Pattern.compile("mvn -B verify").asMatchPredicate(), "the build itself",
      Pattern.compile("bin/tributary sql").asMatchPredicate(), "LauncherIT",
      Pattern.compile("bin/tributary serve --config conf/tributary.yaml").asMatchPredicate(), "LauncherIT",
      Pattern.compile("pip install pyarrow").asMatchPredicate(), "PythonFlightClients, for this test",
      Pattern.compile("python examples/python/flight_query.py .*").asMatchPredicate(), "pythonExamplePrintsTheRows",
      Pattern.compile("curl .*").asMatchPredicate(), "curlExamplesAnswer");
  private static final Duration LIVE = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Readme readme;
  private static Gateway gateway;

  @BeforeAll
  static void startTheDemo() throws Exception {
    readme = Readme.load();
    gateway = DemoGateway.get();
    // The README promises tributary.rejected_records lists records that cannot be decoded: give it one.
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, DemoGateway.bootstrapServers()),
        new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(DemoShipments.TOPIC, "torn", "{\"shipment_id\": 1, \"carrier\": ")).get(30,
          TimeUnit.SECONDS);
    }
  }

  @Test
  void everySqlExampleAnswersWithRows() throws Exception {
    List<Readme.Example> statements = readme.sqlStatements();
    assertTrue(statements.size() >= 2, "the README shows SQL examples: " + statements);
    List<Executable> checks = new ArrayList<>();
    try (Connection c = DemoGateway.connect()) {
      for (Readme.Example statement : statements) {
        // Topic tables fill as the demo's broker delivers: wait for rows, but fail at once on an error.
        checks.add(() -> {
          try {
            Eventually.until(LIVE, () -> Rows.of(c, statement.text()), rows -> !rows.isEmpty());
          } catch (Exception | AssertionError e) {
            throw new AssertionError(statement + ": " + e.getMessage(), e);
          }
        });
      }
      assertAll("every statement of README.md's sql blocks, against the demo", checks.stream());
    }
  }

  @Test
  void explainShowsTheStatementsThatRunInsideEachStoreAndWhatACachedJoinAnswers() throws Exception {
    String line = readme.lineWith("EXPLAIN PLAN FOR");
    assertTrue(line.contains("`Jdbc*` operators run inside the store"), line);
    String first = readme.sqlStatements().get(0).text();
    try (Connection c = DemoGateway.connect()) {
      String cached = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + first));
      assertTrue(cached.contains("materialized, orders_by_country"), cached);
      Rows.of(c, "SET tributary.materializations = off");
      String plan = String.join("\n", Rows.of(c, "EXPLAIN PLAN FOR " + first));
      assertTrue(plan.contains("JdbcTableScan") && plan.contains("JdbcToEnumerableConverter"), plan);
    }
  }


  @Test
  void everySystemTableTheReadmeNamesIsServed() throws Exception {
    // A session setting (`SET tributary.max_staleness = …`) is no table.
    Matcher named = Pattern.compile("(?<![\\w.])(?<!SET )tributary\\.([a-z_]+)(?![\\w(])").matcher(readme.text());
    Set<String> tables = new TreeSet<>();
    while (named.find()) {
      tables.add(named.group(1));
    }
    tables.remove("yaml");
    assertTrue(tables.size() > 10, tables.toString());
    try (Connection c = DemoGateway.connect()) {
      Set<String> served = new TreeSet<>(Rows.of(c,
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'tributary'"));
      assertTrue(served.containsAll(tables), "named in README.md: " + tables + "; served: " + served);
    }
  }

  @Test
  void everyMetricTheReadmeListsIsExported() throws Exception {
    Matcher named = Pattern.compile("`(tributary_[a-z_]+)").matcher(readme.lineWith("`GET /metrics`"));
    List<String> metrics = new ArrayList<>();
    while (named.find()) {
      metrics.add(named.group(1));
    }
    assertTrue(metrics.size() > 5, metrics.toString());
    try (Connection c = DemoGateway.connect()) {
      Rows.of(c, readme.sqlStatements().get(0).text());
    }
    String scrape = get("/metrics").body();
    assertAll(metrics.stream().map(metric -> () -> assertTrue(scrape.contains("\n" + metric), metric)));
  }

  @Test
  void curlExamplesAnswer() throws Exception {
    List<Readme.Example> calls = readme.shellCommands().stream().filter(c -> c.text().startsWith("curl ")).toList();
    assertFalse(calls.isEmpty(), "the README shows curl calls");
    for (Readme.Example call : calls) {
      HttpResponse<String> response = http(CurlCall.parse(call.text(), DemoGateway.HOME));
      assertTrue(response.statusCode() / 100 == 2, call + " answers " + response.statusCode() + ": " + response.body());
      JsonNode body = new ObjectMapper().readTree(response.body());
      assertTrue(body.isObject() && !body.has("error") && body.size() > 0, call + ": " + response.body());
    }
  }

  @Test
  void pythonExamplePrintsTheRows() throws Exception {
    for (Readme.Example example : readme.shellCommands()) {
      if (!example.text().startsWith("python ")) {
        continue;
      }
      List<String> words = CurlCall.words(example.text());
      String sql = words.get(words.size() - 1);
      List<String> command = new ArrayList<>(words);
      command.set(0, PythonFlightClients.python().toString());
      command.addAll(List.of("--port", String.valueOf(gateway.flightPort())));
      String output = PythonFlightClients.run(example.toString(), 120, DemoGateway.HOME, command.toArray(String[]::new));
      try (Connection c = DemoGateway.connect()) {
        String count = Rows.of(c, "SELECT count(*) FROM (" + sql + ")").get(0);
        assertTrue(output.contains("\n" + count + " rows"), example + " printed:\n" + output);
      }
    }
  }

  @Test
  void everyFencedBlockIsSqlOrShellWhichTheTestsRun() {
    assertAll(readme.blocks().stream().map(block -> () -> assertTrue(Set.of("sql", "sh").contains(block.language()),
        "README.md line " + block.line() + ": a ```" + block.language() + " block, which no test runs; tag it sql or sh,"
            + " or teach ReadmeExamplesTest to run it")));
  }

  @Test
  void everyShellCommandIsRunByATest() throws Exception {
    List<Readme.Example> commands = readme.shellCommands();
    assertTrue(commands.size() > 5, commands.toString());
    assertAll(commands.stream().map(command -> () -> assertTrue(
        COMMANDS.keySet().stream().anyMatch(kind -> kind.test(command.text())),
        command + " is run by no test; add one, and its kind to ReadmeExamplesTest.COMMANDS")));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path)).GET().build());
  }

  private static HttpResponse<String> http(CurlCall call) throws Exception {
    return http(call.request(gateway.httpPort()));
  }

  private static HttpResponse<String> http(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
