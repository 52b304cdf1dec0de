package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.gateway.Eventually;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API: contracts published with PUT, read with GET, listed, refused with a reason, retired. */
class CatalogApiTest {
  @TempDir
  static Path contracts;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = FeedMesh.start("catalog_api", contracts, "");
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void putPublishesANewMajorWith201AndANewMinorWith200() throws Exception {
    HttpResponse<String> created = put("customers", "members", ContractText.keyed("customers", "members", "1.0.0", "name name varchar(100)"));
    assertEquals(201, created.statusCode(), created.body());
    assertEquals("/api/products/customers/members", created.headers().firstValue("Location").orElseThrow());
    JsonNode summary = json(created);
    assertEquals("added", summary.path("change").asText());
    assertEquals("1.0.0", summary.path("version").asText());
    assertEquals("public", summary.path("access").asText());

    HttpResponse<String> replaced = put("customers", "members", ContractText.keyed("customers", "members", "1.1.0",
        "name name varchar(100)", "country country char(2)"));
    assertEquals(200, replaced.statusCode(), replaced.body());
    assertEquals("replaced", json(replaced).path("change").asText());
    assertEquals("1.1.0", mesh.product("customers", "members").orElseThrow().latest().version().toString());
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT country FROM customers.members ORDER BY id"),
        List.of("DE", "FR")::equals);
  }

  @Test
  void getReturnsTheServedContractOfEveryMajor() throws Exception {
    put("orders", "bookings", bookings("1.0.0", "booking_id"));
    put("orders", "bookings", bookings("2.0.0", "id"));

    HttpResponse<String> got = mesh.http("GET", "/api/products/orders/bookings", null);

    assertEquals(200, got.statusCode(), got.body());
    JsonNode product = json(got);
    assertEquals("2.0.0", product.path("latest").asText());
    assertEquals(List.of("1.0.0", "2.0.0"), texts(product.path("versions"), "version"));
    JsonNode firstColumn = product.path("versions").get(0).path("tables").get(0).path("columns").get(0);
    assertEquals("booking_id", firstColumn.path("name").asText());
    assertEquals("id", firstColumn.path("physicalName").asText());
  }

  @Test
  void catalogListsEveryProductWithItsVersionsAccessAndStatus() throws Exception {
    put("customers", "listed", ContractText.keyed("customers", "listed", "3.2.1"));

    JsonNode listing = json(mesh.http("GET", "/api/catalog", null));

    JsonNode listed = null;
    for (JsonNode product : listing.path("products")) {
      if (product.path("product").asText().equals("listed")) {
        listed = product;
      }
    }
    assertTrue(listed != null, listing.toString());
    assertEquals("customers", listed.path("domain").asText());
    assertEquals("customers-team@example.com", listed.path("team").asText());
    JsonNode version = listed.path("versions").get(0);
    assertEquals(3, version.path("major").asInt());
    assertEquals("3.2.1", version.path("version").asText());
    assertEquals("public", version.path("access").asText());
    assertEquals("active", version.path("status").asText());
  }

  @Test
  void invalidContractIsRefusedWith400NamingThePathInsideIt() throws Exception {
    HttpResponse<String> refused = put("customers", "misspelt", ContractText.keyed("customers", "misspelt", "1.0.0",
        "name name varchr(100)"));

    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(json(refused).path("error").asText().startsWith("PUT /api/products/customers/misspelt:"
        + " schema[0].properties[1].physicalType: `varchr(100)` is not a supported type"), refused.body());
    assertTrue(mesh.product("customers", "misspelt").isEmpty());
  }

  @Test
  void incompatibleMinorIsRefusedWith409ListingWhatItBreaks() throws Exception {
    put("customers", "patrons", ContractText.keyed("customers", "patrons", "1.0.0", "email email varchar(200)"));

    HttpResponse<String> refused = put("customers", "patrons", ContractText.keyed("customers", "patrons", "1.1.0"));

    assertEquals(409, refused.statusCode(), refused.body());
    JsonNode body = json(refused);
    assertTrue(body.path("error").asText().endsWith("publish it as major 2 instead"), refused.body());
    assertTrue(body.path("breaks").get(0).asText().contains("email"), refused.body());
    assertEquals("1.0.0", mesh.product("customers", "patrons").orElseThrow().latest().version().toString());
  }

  @Test
  void pathMustNameTheContractsOwnProduct() throws Exception {
    HttpResponse<String> refused = put("customers", "somebody_else", ContractText.keyed("customers", "members", "1.0.0"));

    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("PUT /api/products/customers/somebody_else: the contract is of product customers.members but the"
        + " path names customers.somebody_else; PUT it to /api/products/customers/members",
        json(refused).path("error").asText());
  }

  @Test
  void deleteRetiresEveryVersionAndTheProductIsGone() throws Exception {
    put("orders", "returns", ContractText.keyed("orders", "returns", "1.0.0"));

    HttpResponse<String> deleted = mesh.http("DELETE", "/api/products/orders/returns", null);

    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(List.of("1.0.0"), texts(json(deleted).path("retiredVersions"), null));
    assertTrue(mesh.product("orders", "returns").isEmpty());
    HttpResponse<String> gone = mesh.http("GET", "/api/products/orders/returns", null);
    assertEquals(404, gone.statusCode());
    assertEquals("no product orders.returns is served; GET /api/catalog lists them", json(gone).path("error").asText());
  }

  @Test
  void refusedPublicationsAreListedWithTheirOriginAndReason() throws Exception {
    put("customers", "unlisted", "kind: DataContract\n");

    JsonNode refused = mesh.rejections().stream()
        .filter(r -> r.path("origin").asText().equals("PUT /api/products/customers/unlisted")).findFirst().orElseThrow();
    assertTrue(refused.path("message").asText().startsWith("PUT /api/products/customers/unlisted: "), refused.toString());
    assertTrue(refused.path("at").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), refused.toString());
  }

  @Test
  void unknownPathsAndMethodsSayWhatIsServed() throws Exception {
    HttpResponse<String> unknown = mesh.http("GET", "/api/products/customers", null);
    assertEquals(404, unknown.statusCode());
    assertTrue(json(unknown).path("error").asText().contains("GET|PUT|DELETE /api/products/{domain}/{product}"));

    HttpResponse<String> posted = mesh.http("POST", "/api/catalog", "x");
    assertEquals(405, posted.statusCode());
    assertEquals("GET", posted.headers().firstValue("Allow").orElseThrow());
  }

  private static String bookings(String version, String key) {
    return ContractText.yaml("orders", "bookings", version, "orders", key + " id int",
        "status status varchar(20)");
  }

  private static HttpResponse<String> put(String domain, String product, String contract) throws Exception {
    return mesh.http("PUT", "/api/products/" + domain + "/" + product, contract);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
    return FeedMesh.JSON.readTree(response.body());
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(field == null ? node.asText() : node.path(field).asText()));
    return texts;
  }
}
