package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a contract's {@code schema}: ODCS v3 schema objects become tables, their properties
 * columns. Relationships are read last, once every table is known, as they may refer to any.
 */
final class SchemaReader {
  /**
   * Every field ODCS v3.0 to v3.2 defines on a schema object: {@code id} and {@code relationships}
   * came with v3.1, {@code context} and {@code synonyms} with v3.2.
   */
  private static final Set<String> TABLE_FIELDS = Set.of("id", "name", "physicalName", "logicalType", "physicalType",
      "description", "properties", "businessName", "authoritativeDefinitions", "tags", "customProperties",
      "dataGranularityDescription", "quality", "relationships", "context", "synonyms");
  /**
   * Every field ODCS v3.0 to v3.2 defines on a property: {@code id}, {@code physicalName} and
   * {@code relationships} came with v3.1, {@code enum}, {@code semanticType} and {@code synonyms} with v3.2.
   */
  private static final Set<String> COLUMN_FIELDS = Set.of("id", "name", "physicalName", "logicalType",
      "logicalTypeOptions", "physicalType", "required", "primaryKey", "primaryKeyPosition", "classification",
      "description", "tags", "businessName", "authoritativeDefinitions", "customProperties", "unique", "partitioned",
      "partitionKeyPosition", "encryptedName", "transformSourceObjects", "transformLogic",
      "transformDescription", "examples", "criticalDataElement", "quality", "relationships", "items",
      "properties", "enum", "semanticType", "synonyms");

  private SchemaReader() {}

  /** @param domain the contract's domain, which its own tables' references name */
  static List<ContractTable> tables(ContractNode schema, String domain) {
    List<ContractNode> objects = schema.list();
    if (objects.isEmpty()) {
      throw schema.fail("is missing or empty; expected a list of tables, each with name and properties");
    }
    Map<String, ContractTable> byName = new LinkedHashMap<>();
    Map<String, String> tableIds = new HashMap<>();
    Map<String, Map<String, String>> columnIds = new HashMap<>();
    Map<String, String> seen = new HashMap<>();
    for (ContractNode object : objects) {
      ContractTable table = table(object);
      unique(seen, table.name(), object.field("name"), "table");
      byName.put(table.name(), table);
      object.field("id").optionalText().ifPresent(id -> tableIds.put(id, table.name()));
      columnIds.put(table.name(), columnIds(object, table));
    }
    References references = new References(domain, byName, tableIds, columnIds);
    List<ContractTable> tables = new ArrayList<>();
    for (ContractNode object : objects) {
      ContractTable table = byName.get(object.field("name").text("the table's SQL name"));
      tables.add(new ContractTable(table.name(), table.physicalName(), table.description(), table.columns(),
          table.primaryKey(), RelationshipReader.of(object, table, references)));
    }
    return tables;
  }

  private static Map<String, String> columnIds(ContractNode object, ContractTable table) {
    Map<String, String> ids = new HashMap<>();
    List<ContractNode> properties = object.field("properties").list();
    for (int i = 0; i < properties.size(); i++) {
      String column = table.columns().get(i).name();
      properties.get(i).field("id").optionalText().ifPresent(id -> ids.put(id, column));
    }
    return ids;
  }

  private static ContractTable table(ContractNode object) {
    object.onlyKeys("an ODCS v3 schema object", TABLE_FIELDS);
    String name = Names.table(object.field("name"));
    Optional<String> logicalType = object.field("logicalType").optionalText();
    if (logicalType.isPresent() && !logicalType.get().equals("object")) {
      throw object.field("logicalType").fail("is `" + logicalType.get() + "`; expected object (a table) or nothing");
    }
    ContractNode properties = object.field("properties");
    List<ContractNode> items = properties.list();
    if (items.isEmpty()) {
      throw properties.fail("is missing or empty; expected the table's columns, each with name and physicalType");
    }
    List<ContractColumn> columns = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    Map<String, Integer> keyPositions = new HashMap<>();
    for (ContractNode property : items) {
      ContractColumn column = column(property);
      unique(seen, column.name(), property.field("name"), "column");
      columns.add(column);
      int position = property.field("primaryKeyPosition").optionalInt().orElse(Integer.MAX_VALUE);
      if (column.primaryKey()) {
        keyPositions.put(column.name(), position);
      }
    }
    // Columns without a position follow those with one, in column order (the sort is stable).
    List<String> primaryKey = columns.stream().map(ContractColumn::name).filter(keyPositions::containsKey)
        .sorted(Comparator.comparing(keyPositions::get)).toList();
    return new ContractTable(name, Names.storeTable(object.field("physicalName"), name),
        object.field("description").optionalText().orElse(""), columns, primaryKey, List.of());
  }

  private static ContractColumn column(ContractNode property) {
    property.onlyKeys("an ODCS v3 property", COLUMN_FIELDS);
    String name = Names.sql(property.field("name"), "the column's SQL name");
    for (String nested : List.of("properties", "items")) {
      if (!property.field(nested).isMissing()) {
        throw property.field(nested).fail("nests fields in a column, which is not supported: a column holds one"
            + " SQL value; expected nested fields flattened into columns of their own");
      }
    }
    return new ContractColumn(name, Names.storeColumn(property.field("physicalName"), name),
        ColumnTypes.of(property), property.field("required").bool(false), property.field("primaryKey").bool(false),
        classification(property), property.field("description").optionalText().orElse(""));
  }

  /** An explicit classification, or {@code pii} when the property is tagged so. */
  private static Optional<String> classification(ContractNode property) {
    Optional<String> written = property.field("classification").optionalText();
    if (written.isPresent()) {
      return written;
    }
    boolean taggedPii = property.field("tags").texts().stream().anyMatch(t -> t.equalsIgnoreCase("pii"));
    return taggedPii ? Optional.of("pii") : Optional.empty();
  }

  private static void unique(Map<String, String> seen, String name, ContractNode at, String what) {
    String previous = seen.putIfAbsent(name, at.path());
    if (previous != null) {
      throw at.fail("`" + name + "` is a second " + what + " of that name (the first is " + previous + ");"
          + " expected each " + what + " name once");
    }
  }
}
