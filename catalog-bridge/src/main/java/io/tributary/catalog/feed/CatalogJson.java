package io.tributary.catalog.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.Product;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The catalog API's JSON: products, their contracts, what a publication did, refusals, errors. */
final class CatalogJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CatalogJson() {}

  /** {@code GET /api/catalog}: one entry per product by domain and name, each version in brief. */
  static ObjectNode listing(Collection<Product> products) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("products");
    products.stream().sorted(Comparator.comparing(Product::domain).thenComparing(Product::name)).forEach(p -> {
      ObjectNode entry = identity(p).put("team", p.latest().team()).put("latest", p.latest().version().toString());
      ArrayNode versions = entry.putArray("versions");
      p.majors().values().forEach(c -> versions.add(brief(c)));
      list.add(entry);
    });
    return root;
  }

  /** {@code GET /api/products/{domain}/{product}}: every served major in full. */
  static ObjectNode product(Product product) {
    ObjectNode root = identity(product).put("latest", product.latest().version().toString());
    ArrayNode versions = root.putArray("versions");
    product.majors().values().forEach(c -> versions.add(contract(c)));
    return root;
  }

  /** What a {@code PUT} did, and the product as served afterwards. */
  static ObjectNode published(CatalogChange change, Product now) {
    return brief(change.contract()).put("change", kind(change)).put("id", now.id()).put("domain", now.domain())
        .put("product", now.name()).set("servedVersions", versions(now));
  }

  /** What a {@code DELETE} retired. */
  /** What {@code DELETE} retired: every major, or the one named. */
  static ObjectNode retired(Product before, Optional<Integer> major) {
    ArrayNode retired = MAPPER.createArrayNode();
    before.majors().forEach((m, c) -> {
      if (major.isEmpty() || major.get().equals(m)) {
        retired.add(c.version().toString());
      }
    });
    return identity(before).put("change", "retired").set("retiredVersions", retired);
  }

  static ObjectNode rejections(List<Rejection> latest) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode list = root.putArray("rejections");
    latest.forEach(r -> list.addObject().put("origin", r.origin()).put("at", r.at().toString()).put("message", r.message()));
    return root;
  }

  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode identity(Product product) {
    return MAPPER.createObjectNode().put("id", product.id()).put("domain", product.domain()).put("product", product.name());
  }

  private static ArrayNode versions(Product product) {
    ArrayNode versions = MAPPER.createArrayNode();
    product.majors().values().forEach(c -> versions.add(c.version().toString()));
    return versions;
  }

  private static ObjectNode brief(DataContract contract) {
    ObjectNode node = MAPPER.createObjectNode().put("major", contract.version().major())
        .put("version", contract.version().toString()).put("status", contract.status())
        .put("access", contract.access().name().toLowerCase(Locale.ROOT));
    contract.deprecation().ifPresent(d -> node.putObject("deprecation")
        .put("date", d.date().toString()).put("replacedBy", d.replacement()));
    return node;
  }

  private static ObjectNode contract(DataContract contract) {
    ObjectNode node = brief(contract).put("team", contract.team()).put("description", contract.description());
    contract.freshness().ifPresent(f -> node.put("freshness", f.toString()));
    node.put("origin", contract.origin());
    ArrayNode tables = node.putArray("tables");
    for (ContractTable table : contract.tables()) {
      ObjectNode t = tables.addObject().put("name", table.name()).put("physicalName", table.physicalName())
          .put("description", table.description());
      ArrayNode columns = t.putArray("columns");
      table.columns().forEach(c -> columns.add(column(c)));
    }
    return node;
  }

  private static ObjectNode column(ContractColumn column) {
    ObjectNode node = MAPPER.createObjectNode().put("name", column.name()).put("physicalName", column.physicalName())
        .put("type", column.type().written()).put("sqlType", column.type().sqlType().getName())
        .put("required", column.required()).put("primaryKey", column.primaryKey());
    column.classification().ifPresent(c -> node.put("classification", c));
    return node.put("description", column.description());
  }

  private static String kind(CatalogChange change) {
    return change.kind().name().toLowerCase(Locale.ROOT);
  }
}
