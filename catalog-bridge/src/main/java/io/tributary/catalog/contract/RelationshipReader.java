package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code relationships} of one schema object and of its properties (ODCS v3.1) into the
 * table's foreign keys. On a property the referring column is the property itself, so {@code from}
 * is refused there; on the schema object {@code from} and {@code to} are both required, both one
 * reference or both lists of as many (a composite key). Every referring column must be the table's own.
 */
final class RelationshipReader {
  /** The fields of an ODCS relationship, plus the {@code description} its documentation's examples give. */
  private static final Set<String> FIELDS = Set.of("type", "from", "to", "customProperties", "description");

  private RelationshipReader() {}

  /**
   * @param object the schema object of {@code table}
   * @param references resolves the contract's references, every table of it known
   */
  static List<ForeignKey> of(ContractNode object, ContractTable table, References references) {
    List<ForeignKey> keys = new ArrayList<>();
    for (ContractNode relationship : object.field("relationships").list()) {
      keys.add(schemaLevel(relationship, table, references));
    }
    List<ContractNode> properties = object.field("properties").list();
    for (int i = 0; i < properties.size(); i++) {
      for (ContractNode relationship : properties.get(i).field("relationships").list()) {
        keys.add(propertyLevel(relationship, table.columns().get(i).name(), references));
      }
    }
    return keys;
  }

  private static ForeignKey propertyLevel(ContractNode relationship, String column, References references) {
    check(relationship);
    if (!relationship.field("from").isMissing()) {
      throw relationship.field("from").fail("is given on a property, whose relationships start from the property"
          + " itself; expected only `to` here, or the relationship on the schema object");
    }
    References.Target to = references.resolve(relationship.field("to"));
    return new ForeignKey(List.of(column), to.domain(), to.table(), List.of(to.column()));
  }

  private static ForeignKey schemaLevel(ContractNode relationship, ContractTable table, References references) {
    check(relationship);
    List<ContractNode> from = references(relationship.field("from"), "from");
    List<ContractNode> to = references(relationship.field("to"), "to");
    if (from.size() != to.size() || relationship.field("from").isText() != relationship.field("to").isText()) {
      throw relationship.field("to").fail("names " + to.size() + " column(s) for " + from.size() + " in `from`;"
          + " expected `from` and `to` both one reference, or both lists of as many (a composite key)");
    }
    List<String> columns = new ArrayList<>();
    for (ContractNode node : from) {
      References.Target source = references.resolve(node);
      if (!source.domain().equals(references.domain()) || !source.table().equals(table.name())) {
        throw node.fail("names a column of `" + source.table() + "`; expected a column of this table, `"
            + table.name() + "`, whose relationships these are");
      }
      columns.add(source.column());
    }
    List<References.Target> targets = to.stream().map(references::resolve).toList();
    References.Target first = targets.get(0);
    if (targets.stream().anyMatch(t -> !t.domain().equals(first.domain()) || !t.table().equals(first.table()))) {
      throw relationship.field("to").fail("names columns of several tables; expected the columns of one table,"
          + " which the key refers to");
    }
    return new ForeignKey(columns, first.domain(), first.table(),
        targets.stream().map(References.Target::column).toList());
  }

  private static void check(ContractNode relationship) {
    relationship.onlyKeys("an ODCS relationship", FIELDS);
    String type = relationship.field("type").optionalText().orElse("foreignKey");
    if (!type.equals("foreignKey")) {
      throw relationship.field("type").fail("is `" + type + "`; expected foreignKey, the only relationship type ODCS"
          + " defines");
    }
  }

  /** One reference, or a non-empty list of them. */
  private static List<ContractNode> references(ContractNode node, String field) {
    if (node.isMissing()) {
      throw node.fail("is missing; a relationship on a schema object names its own columns in `from` and the"
          + " referenced ones in `to`");
    }
    List<ContractNode> references = node.isText() ? List.of(node) : node.list();
    if (references.isEmpty()) {
      throw node.fail("is empty; expected the " + (field.equals("from") ? "referring" : "referenced") + " columns");
    }
    return references;
  }
}
