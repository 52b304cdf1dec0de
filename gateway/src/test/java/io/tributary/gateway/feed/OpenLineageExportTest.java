package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tributary.gateway.Eventually;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catalog changes reach an OpenLineage endpoint (a local HTTP server here) and a file as dataset events. */
class OpenLineageExportTest {
  @TempDir
  static Path folder;
  private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
  /** The endpoint answers 503 to the first event of a dataset named *flaky*, as a catalog restarting would. */
  private static final AtomicBoolean FLAKY_REFUSED = new AtomicBoolean();
  private static HttpServer endpoint;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endpoint.createContext("/api/v1/lineage", OpenLineageExportTest::receive);
    endpoint.start();
    Files.createDirectories(folder.resolve("contracts"));
    mesh = FeedMesh.start("openlineage", folder.resolve("contracts"), """
          openlineage:
            url: http://127.0.0.1:%d/api/v1/lineage
            file: %s
            namespace: it-lineage
        """.formatted(endpoint.getAddress().getPort(), folder.resolve("lineage/events.jsonl")));
  }

  @AfterAll
  static void stop() {
    mesh.close();
    endpoint.stop(0);
  }

  @Test
  void publishedProductIsPostedAsADatasetEventWithSchemaOwnershipAndDocumentation() throws Exception {
    put("customers", "audience", ContractText.keyed("customers", "audience", "1.0.0", "email email varchar(200)"));

    JsonNode event = Eventually.until(FeedMesh.WITHIN, () -> received("customers.audience_v1", "CREATE"),
        Optional::isPresent).orElseThrow();
    assertEquals("https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent", event.path("schemaURL").asText());
    assertEquals("urn:tributary:gateway", event.path("producer").asText());
    assertTrue(event.path("eventTime").asText().endsWith("Z"), event.toString());
    JsonNode dataset = event.path("dataset");
    assertEquals("it-lineage", dataset.path("namespace").asText());
    JsonNode facets = dataset.path("facets");
    JsonNode email = facets.path("schema").path("fields").get(1);
    assertEquals("email", email.path("name").asText());
    assertEquals("varchar(200)", email.path("type").asText());
    assertEquals("email of the row.", email.path("description").asText());
    assertTrue(facets.path("schema").path("_schemaURL").asText().endsWith("SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet"));
    JsonNode owner = facets.path("ownership").path("owners").get(0);
    assertEquals("team:customers-team@example.com", owner.path("name").asText());
    assertEquals("Product audience of domain customers. One row per customers entry.",
        facets.path("documentation").path("description").asText());
    assertEquals("1.0.0", facets.path("version").path("datasetVersion").asText());
  }

  @Test
  void accessLevelAndColumnClassificationsArePostedAsStandardTags() throws Exception {
    put("customers", "reachable", ContractText.keyed("customers", "reachable", "1.0.0", "name name varchar(100)",
        "email email varchar(200) pii").replace("value: public", "value: internal"));

    JsonNode event = Eventually.until(FeedMesh.WITHIN, () -> received("customers.reachable_v1", "CREATE"),
        Optional::isPresent).orElseThrow();
    JsonNode tags = event.path("dataset").path("facets").path("tags");
    assertEquals("https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet",
        tags.path("_schemaURL").asText());
    assertEquals("urn:tributary:gateway", tags.path("_producer").asText());
    assertEquals(2, tags.path("tags").size(), tags.toString());
    JsonNode access = tags.path("tags").get(0);
    assertEquals(List.of("access", "internal", "CONTRACT"), List.of(access.path("key").asText(),
        access.path("value").asText(), access.path("source").asText()));
    assertTrue(access.path("field").isMissingNode(), "the access level is the whole dataset's: " + access);
    JsonNode pii = tags.path("tags").get(1);
    assertEquals(List.of("classification", "pii", "CONTRACT", "email"), List.of(pii.path("key").asText(),
        pii.path("value").asText(), pii.path("source").asText(), pii.path("field").asText()));
  }

  @Test
  void newMinorIsExportedAsAlterAndRetirementAsDrop() throws Exception {
    put("orders", "ledger", ContractText.keyed("orders", "ledger", "1.0.0"));
    put("orders", "ledger", ContractText.keyed("orders", "ledger", "1.1.0", "total total decimal(10,2)"));
    mesh.http("DELETE", "/api/products/orders/ledger", null);

    JsonNode altered = Eventually.until(FeedMesh.WITHIN, () -> received("orders.ledger_v1", "ALTER"),
        Optional::isPresent).orElseThrow();
    assertEquals("1.1.0", altered.path("dataset").path("facets").path("version").path("datasetVersion").asText());
    Eventually.until(FeedMesh.WITHIN, () -> received("orders.ledger_v1", "DROP"), Optional::isPresent);
  }

  @Test
  void eventsAreAppendedToTheFileOneJsonPerLine() throws Exception {
    put("customers", "mailing", ContractText.keyed("customers", "mailing", "2.0.0"));

    Path file = folder.resolve("lineage/events.jsonl");
    Eventually.until(FeedMesh.WITHIN, () -> fileEvents(file).stream()
        .anyMatch(e -> e.path("dataset").path("name").asText().equals("customers.mailing_v2")), found -> found);
    for (JsonNode event : fileEvents(file)) {
      assertTrue(event.path("dataset").path("facets").has("schema"), event.toString());
    }
  }

  @Test
  void eventTheEndpointRefusesOnceIsDeliveredOnRetry() throws Exception {
    put("customers", "flaky", ContractText.keyed("customers", "flaky", "1.0.0"));

    Eventually.until(FeedMesh.WITHIN, () -> received("customers.flaky_v1", "CREATE"), Optional::isPresent);
    assertTrue(FLAKY_REFUSED.get(), "the first attempt was refused");
  }

  private static void put(String domain, String product, String contract) throws Exception {
    int status = mesh.http("PUT", "/api/products/" + domain + "/" + product, contract).statusCode();
    assertTrue(status == 200 || status == 201, "PUT answered " + status);
  }

  private static Optional<JsonNode> received(String dataset, String lifecycle) {
    return RECEIVED.stream().filter(e -> e.path("dataset").path("name").asText().equals(dataset)
        && e.path("dataset").path("facets").path("lifecycleStateChange").path("lifecycleStateChange").asText()
            .equals(lifecycle)).findFirst();
  }

  private static List<JsonNode> fileEvents(Path file) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        events.add(FeedMesh.JSON.readTree(line));
      }
    }
    return events;
  }

  private static void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode event = FeedMesh.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      boolean refuse = event.path("dataset").path("name").asText().contains("flaky") && FLAKY_REFUSED.compareAndSet(false, true);
      if (!refuse) {
        RECEIVED.add(event);
      }
      exchange.sendResponseHeaders(refuse ? 503 : 201, -1);
    }
  }
}
