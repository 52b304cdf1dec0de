package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.gateway.Eventually;
import io.tributary.testkit.DatabaseServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing as a domain team does it, over the HTTP API and the contracts directory, against real
 * PostgreSQL stores: a version is checked against its store before it is served, held back while
 * its store is down, rolled back on demand, and what only the HTTP API said survives a restart.
 */
class SafePublishingTest {
  private static final String MESH = "safe_publishing";

  @TempDir
  static Path contracts;
  @TempDir
  static Path journal;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = FeedMesh.start(MESH, contracts, "  journal: \"" + journal + "\"\n");
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void minorAddingAColumnTheStoreLacksIsRefusedWith422AndTheServedVersionKeepsAnswering() throws Exception {
    assertEquals(201, put("orders", "ledger", ContractText.keyed("orders", "ledger", "1.0.0",
        "status status varchar(20)")).statusCode());

    HttpResponse<String> refused = put("orders", "ledger", ContractText.keyed("orders", "ledger", "1.1.0",
        "status status varchar(20)", "discount discount decimal(10,2)"));

    assertEquals(422, refused.statusCode(), refused.body());
    JsonNode body = json(refused);
    assertEquals(List.of("table `ledger`, column `discount`: store table `orders` has no column `discount`"),
        texts(body.path("violations")), refused.body());
    assertTrue(body.path("error").asText().contains("1.0.0 stays served"), refused.body());
    assertEquals(List.of("paid", "shipped", "placed"), mesh.column("SELECT status FROM orders.ledger ORDER BY id"));
    assertEquals("1.0.0", served("orders", "ledger"));
    assertTrue(mesh.rejections().stream().anyMatch(r -> r.path("message").asText().equals(body.path("error").asText())));
  }

  @Test
  void versionWhoseStoreIsDownIsHeldBackWith202AndServedOnceTheStoreIsBack() throws Exception {
    assertEquals(201, put("customers", "held", ContractText.keyed("customers", "held", "1.0.0")).statusCode());
    String database = FeedMesh.database(MESH, "customers");
    DatabaseServers.postgres().execute("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
    try {
      HttpResponse<String> held = put("customers", "held", ContractText.keyed("customers", "held", "1.1.0",
          "country country char(2)"));

      assertEquals(202, held.statusCode(), held.body());
      assertTrue(json(held).path("held").asBoolean(), held.body());
      assertTrue(json(held).path("error").asText().contains("held back: 1.1.0 of customers.held cannot be checked"
          + " against its store now (the store of domain `customers` cannot be reached"), held.body());
      assertEquals("1.0.0", served("customers", "held"));
    } finally {
      DatabaseServers.postgres().execute("postgres", "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    }
    Eventually.until(FeedMesh.WITHIN, () -> served("customers", "held"), "1.1.0"::equals);
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT country FROM customers.held ORDER BY id"),
        List.of("DE", "FR")::equals);
  }

  @Test
  void rollBackServesThePreviousVersionAndRefusesTheOneTakenBack() throws Exception {
    put("orders", "rollbacks", ContractText.keyed("orders", "rollbacks", "1.0.0"));
    put("orders", "rollbacks", ContractText.keyed("orders", "rollbacks", "1.1.0", "total total decimal(10,2)"));
    assertEquals(List.of("12.50", "99.00", "5.00"), mesh.column("SELECT total FROM orders.rollbacks ORDER BY id"));

    HttpResponse<String> rolledBack = mesh.http("POST", "/api/products/orders/rollbacks/v1/rollback", null);

    assertEquals(200, rolledBack.statusCode(), rolledBack.body());
    assertEquals("1.0.0", json(rolledBack).path("version").asText(), rolledBack.body());
    assertEquals("1.0.0", served("orders", "rollbacks"));
    String gone = mesh.column("SELECT total FROM orders.rollbacks").get(0);
    assertTrue(gone.startsWith("failed: ") && gone.contains("total"), "the column 1.1.0 added is gone: " + gone);
    HttpResponse<String> again = put("orders", "rollbacks", ContractText.keyed("orders", "rollbacks", "1.1.0",
        "total total decimal(10,2)"));
    assertEquals(409, again.statusCode(), again.body());
    assertTrue(json(again).path("error").asText().contains("1.1.0 of orders.rollbacks is withdrawn: versions above 1.0.0"
        + " up to 1.1.0 were rolled back by POST /api/products/orders/rollbacks/v1/rollback at "), again.body());
    assertEquals(200, put("orders", "rollbacks", ContractText.keyed("orders", "rollbacks", "1.1.1",
        "total total decimal(10,2)")).statusCode());

    HttpResponse<String> nothingBefore = mesh.http("POST", "/api/products/orders/unknown/v1/rollback", null);
    assertEquals(404, nothingBefore.statusCode(), nothingBefore.body());
  }

  @Test
  void oneMajorCanBeRetiredAlone() throws Exception {
    put("orders", "pair", ContractText.keyed("orders", "pair", "1.0.0"));
    put("orders", "pair", ContractText.keyed("orders", "pair", "2.0.0", "status status varchar(20)"));

    HttpResponse<String> deleted = mesh.http("DELETE", "/api/products/orders/pair/v1", null);

    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(List.of("1.0.0"), texts(json(deleted).path("retiredVersions")));
    assertEquals(List.of(2), List.copyOf(mesh.product("orders", "pair").orElseThrow().majors().keySet()));
    assertEquals(List.of("10", "11", "12"), mesh.column("SELECT id FROM orders.pair ORDER BY id"));
    assertTrue(mesh.column("SELECT id FROM orders.pair_v1").get(0).startsWith("failed: "));
  }

  @Test
  void whatWasPublishedRolledBackOrRetiredOverHttpSurvivesARestart() throws Exception {
    Files.createDirectories(contracts.resolve("customers"));
    Files.writeString(contracts.resolve("customers/filed.yaml"), ContractText.keyed("customers", "filed", "1.0.0"));
    Eventually.until(FeedMesh.WITHIN, () -> served("customers", "filed"), "1.0.0"::equals);
    assertEquals(200, mesh.http("DELETE", "/api/products/customers/filed", null).statusCode());
    put("customers", "kept", ContractText.keyed("customers", "kept", "1.0.0", "name name varchar(100)"));
    put("customers", "kept", ContractText.keyed("customers", "kept", "1.1.0", "name name varchar(100)",
        "country country char(2)"));
    put("customers", "kept", ContractText.keyed("customers", "kept", "1.2.0", "name name varchar(100)",
        "country country char(2)", "email email varchar(200)"));
    assertEquals(200, mesh.http("POST", "/api/products/customers/kept/v1/rollback", null).statusCode());

    mesh = mesh.restart();

    assertEquals("1.1.0", served("customers", "kept"), "published and rolled back over HTTP, kept by the journal");
    assertEquals(List.of("DE", "FR"), mesh.column("SELECT country FROM customers.kept ORDER BY id"));
    assertEquals("none", served("customers", "filed"), "retired by hand, although its file still says 1.0.0");
    assertTrue(mesh.rejections().stream().anyMatch(r -> r.path("message").asText().contains(
        "1.0.0 of customers.filed is withdrawn: versions up to 1.0.0 were retired by DELETE /api/products/customers/filed at ")),
        mesh.rejections().toString());
    assertEquals(409, put("customers", "kept", ContractText.keyed("customers", "kept", "1.2.0", "name name varchar(100)",
        "country country char(2)", "email email varchar(200)")).statusCode());
    assertEquals(200, mesh.http("POST", "/api/products/customers/kept/v1/rollback", null).statusCode());
    assertEquals("1.0.0", served("customers", "kept"), "the versions to roll back to are kept too");
  }

  private static HttpResponse<String> put(String domain, String product, String contract) throws Exception {
    return mesh.http("PUT", "/api/products/" + domain + "/" + product, contract);
  }

  private static String served(String domain, String product) {
    return mesh.product(domain, product).map(p -> p.latest().version().toString()).orElse("none");
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return FeedMesh.JSON.readTree(response.body());
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
