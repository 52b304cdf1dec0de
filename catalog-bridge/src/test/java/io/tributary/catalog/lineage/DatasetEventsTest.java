package io.tributary.catalog.lineage;

import static io.tributary.catalog.contract.TestContracts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.CatalogChange.Kind;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Catalog changes as OpenLineage DatasetEvents: one per table, named as SQL pins it. */
class DatasetEventsTest {
  private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

  private final DatasetEvents events = new DatasetEvents("shop", URI.create("urn:test"));

  @Test
  void retiredVersionIsADropEventForEachOfItsTables() {
    List<ObjectNode> dropped = events.of(new CatalogChange(Kind.RETIRED, example("orders-v1.yaml"), Optional.empty()), AT);

    assertEquals(List.of("orders.orders_v1", "orders.order_lines_v1"), names(dropped));
    for (ObjectNode event : dropped) {
      assertEquals("2026-11-22T10:15:30Z", event.path("eventTime").asText());
      assertEquals("urn:test", event.path("producer").asText());
      assertEquals("shop", event.path("dataset").path("namespace").asText());
      assertEquals("DROP", facet(event, "lifecycleStateChange").path("lifecycleStateChange").asText());
      assertEquals("urn:test", facet(event, "lifecycleStateChange").path("_producer").asText());
    }
  }

  @Test
  void newMajorIsCreateAndNewMinorIsAlter() {
    assertEquals("CREATE", lifecycle(Kind.ADDED));
    assertEquals("ALTER", lifecycle(Kind.REPLACED));
  }

  @Test
  void columnsBecomeSchemaFieldsWithTheTypesTheContractWrote() {
    JsonNode fields = facet(events.of(added("orders-v1.yaml"), AT).get(0), "schema").path("fields");

    assertEquals("order_id", fields.get(0).path("name").asText());
    assertEquals("bigint", fields.get(0).path("type").asText());
    assertEquals("total", fields.get(3).path("name").asText());
    assertEquals("decimal(12,2)", fields.get(3).path("type").asText());
    assertEquals("Order total including tax.", fields.get(3).path("description").asText());
  }

  @Test
  void ownerTeamVersionAndDeprecationAreExported() {
    ObjectNode event = events.of(added("orders-v1.yaml"), AT).get(0);

    assertEquals("team:checkout-team@example.com", facet(event, "ownership").path("owners").get(0).path("name").asText());
    assertEquals("1.4.0", facet(event, "version").path("datasetVersion").asText());
    String documentation = facet(event, "documentation").path("description").asText();
    assertEquals(true, documentation.endsWith("One row per order placed. Deprecated: retired after 2026-06-30,"
        + " replaced by orders.orders_v2."), documentation);
  }

  @Test
  void accessLevelAndColumnClassificationsAreStandardTags() {
    JsonNode tags = facet(events.of(added("customers.yaml"), AT).get(0), "tags");

    assertEquals("https://openlineage.io/spec/facets/1-0-0/TagsDatasetFacet.json#/$defs/TagsDatasetFacet",
        tags.path("_schemaURL").asText());
    assertEquals("urn:test", tags.path("_producer").asText());
    List<String> written = new ArrayList<>();
    tags.path("tags").forEach(t -> written.add(t.path("key").asText() + "=" + t.path("value").asText() + " "
        + t.path("field").asText("(dataset)") + " from " + t.path("source").asText()));
    assertEquals(List.of("access=internal (dataset) from CONTRACT", "classification=pii email from CONTRACT",
        "classification=pii full_name from CONTRACT", "classification=public country from CONTRACT"), written);
  }

  private String lifecycle(Kind kind) {
    CatalogChange change = new CatalogChange(kind, example("customers.yaml"), Optional.empty());
    return facet(events.of(change, AT).get(0), "lifecycleStateChange").path("lifecycleStateChange").asText();
  }

  private static CatalogChange added(String file) {
    return new CatalogChange(Kind.ADDED, example(file), Optional.empty());
  }

  private static JsonNode facet(ObjectNode event, String name) {
    return event.path("dataset").path("facets").path(name);
  }

  private static List<String> names(List<ObjectNode> events) {
    List<String> names = new ArrayList<>();
    events.forEach(e -> names.add(e.path("dataset").path("name").asText()));
    return names;
  }
}
