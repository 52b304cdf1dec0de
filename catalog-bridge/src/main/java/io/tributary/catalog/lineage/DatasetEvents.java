package io.tributary.catalog.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Catalog changes as OpenLineage static dataset events ({@code DatasetEvent}, spec 2-0-2): one
 * event per table of the contract version concerned, named as SQL pins it,
 * {@code <domain>.<table>_v<major>}, with its schema, owner, description, version, access level and
 * column classifications (as tags), and a lifecycle state: CREATE for a new major, ALTER for a new
 * minor, DROP when retired.
 */
public final class DatasetEvents {
  static final String EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent";
  private static final String FACETS = "https://openlineage.io/spec/facets/";
  /** Where the tags come from, as the tags facet's {@code source} says it: the product's contract. */
  private static final String TAG_SOURCE = "CONTRACT";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String namespace;
  private final URI producer;

  /**
   * @param namespace the OpenLineage namespace the gateway's datasets are named in
   * @param producer identifies this gateway as the producer of the metadata
   */
  public DatasetEvents(String namespace, URI producer) {
    this.namespace = namespace;
    this.producer = producer;
  }

  /** The events of one change, which took effect at {@code at}. */
  public List<ObjectNode> of(CatalogChange change, Instant at) {
    DataContract contract = change.contract();
    return contract.tables().stream().map(table -> event(change.kind(), contract, table, at)).toList();
  }

  private ObjectNode event(CatalogChange.Kind kind, DataContract contract, ContractTable table, Instant at) {
    ObjectNode event = MAPPER.createObjectNode().put("eventTime", at.toString()).put("producer", producer.toString())
        .put("schemaURL", EVENT_SCHEMA);
    ObjectNode dataset = event.putObject("dataset").put("namespace", namespace)
        .put("name", contract.domain() + "." + table.name() + "_v" + contract.version().major());
    ObjectNode facets = dataset.putObject("facets");
    ArrayNode fields = facet(facets, "schema", "1-1-1/SchemaDatasetFacet").putArray("fields");
    table.columns().forEach(c -> fields.addObject().put("name", c.name()).put("type", c.type().written())
        .put("description", c.description()));
    facet(facets, "ownership", "1-0-1/OwnershipDatasetFacet").putArray("owners").addObject()
        .put("name", "team:" + contract.team()).put("type", "OWNER");
    facet(facets, "documentation", "1-0-1/DocumentationDatasetFacet").put("description", describe(contract, table));
    facet(facets, "version", "1-0-1/DatasetVersionDatasetFacet").put("datasetVersion", contract.version().toString());
    facet(facets, "lifecycleStateChange", "1-0-1/LifecycleStateChangeDatasetFacet")
        .put("lifecycleStateChange", lifecycle(kind));
    tags(facet(facets, "tags", "1-0-0/TagsDatasetFacet").putArray("tags"), contract, table);
    return event;
  }

  /**
   * The access level, and each column's classification with the column as its {@code field}: the
   * standard tags facet, which catalogs show and search, rather than a facet of our own.
   */
  private static void tags(ArrayNode tags, DataContract contract, ContractTable table) {
    tags.addObject().put("key", "access").put("value", contract.access().name().toLowerCase(Locale.ROOT))
        .put("source", TAG_SOURCE);
    for (ContractColumn column : table.columns()) {
      column.classification().ifPresent(classification -> tags.addObject().put("key", "classification")
          .put("value", classification).put("source", TAG_SOURCE).put("field", column.name()));
    }
  }

  private ObjectNode facet(ObjectNode facets, String key, String schema) {
    String name = schema.substring(schema.indexOf('/') + 1);
    return facets.putObject(key).put("_producer", producer.toString())
        .put("_schemaURL", FACETS + schema + ".json#/$defs/" + name);
  }

  private static String describe(DataContract contract, ContractTable table) {
    Stream<String> deprecation = contract.deprecation().stream()
        .map(d -> "Deprecated: retired after " + d.date() + ", replaced by " + d.replacement() + ".");
    return Stream.concat(Stream.of(contract.description(), table.description()), deprecation)
        .filter(text -> text != null && !text.isBlank()).map(String::strip).collect(Collectors.joining(" "));
  }

  private static String lifecycle(CatalogChange.Kind kind) {
    return switch (kind) {
      case ADDED -> "CREATE";
      case REPLACED -> "ALTER";
      case RETIRED -> "DROP";
    };
  }
}
