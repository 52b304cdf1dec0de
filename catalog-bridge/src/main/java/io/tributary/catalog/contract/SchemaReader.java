package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a contract's {@code schema}: ODCS v3 schema objects become tables, their properties columns. */
final class SchemaReader {
  /** Every field ODCS v3.0 defines on a schema object, plus {@code relationships} from v3.1. */
  private static final Set<String> TABLE_FIELDS = Set.of("name", "physicalName", "logicalType", "physicalType",
      "description", "properties", "businessName", "authoritativeDefinitions", "tags", "customProperties",
      "dataGranularityDescription", "quality", "relationships");
  /** Every field ODCS v3.0 defines on a property, plus {@code physicalName} and {@code relationships} from v3.1. */
  private static final Set<String> COLUMN_FIELDS = Set.of("name", "physicalName", "logicalType", "logicalTypeOptions",
      "physicalType", "required", "primaryKey", "primaryKeyPosition", "classification", "description", "tags",
      "businessName", "authoritativeDefinitions", "customProperties", "unique", "partitioned",
      "partitionKeyPosition", "encryptedName", "transformSourceObjects", "transformLogic",
      "transformDescription", "examples", "criticalDataElement", "quality", "relationships", "items",
      "properties");

  private SchemaReader() {}

  static List<ContractTable> tables(ContractNode schema) {
    List<ContractNode> objects = schema.list();
    if (objects.isEmpty()) {
      throw schema.fail("is missing or empty; expected a list of tables, each with name and properties");
    }
    List<ContractTable> tables = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (ContractNode object : objects) {
      ContractTable table = table(object);
      unique(seen, table.name(), object.field("name"), "table");
      tables.add(table);
    }
    return tables;
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
    for (ContractNode property : items) {
      ContractColumn column = column(property);
      unique(seen, column.name(), property.field("name"), "column");
      columns.add(column);
    }
    return new ContractTable(name, Names.storeTable(object.field("physicalName"), name),
        object.field("description").optionalText().orElse(""), columns);
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
    // Checked as a number only: the model keeps which columns form the key, not their order.
    property.field("primaryKeyPosition").optionalInt();
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
