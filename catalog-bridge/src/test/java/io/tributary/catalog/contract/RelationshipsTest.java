package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** ODCS v3.1 relationships become foreign keys; v3.1 and v3.2 contracts are read. */
class RelationshipsTest {

  @Test
  void everyFormOfRelationshipBecomesAForeignKey() {
    DataContract contract = example("shipments-v3.1.yaml");

    ContractTable parcels = contract.tables().get(0);
    ContractTable scans = contract.tables().get(2);
    assertEquals(List.of(new ForeignKey(List.of("order_id"), "orders", "orders", List.of("id")),
        new ForeignKey(List.of("carrier"), "logistics", "carriers", List.of("code"))), parcels.foreignKeys());
    assertEquals(List.of(new ForeignKey(List.of("scanned_parcel"), "logistics", "parcels", List.of("parcel_no")),
        new ForeignKey(List.of("order_id", "line_no"), "orders", "order_lines", List.of("order_id", "line_no"))),
        scans.foreignKeys());
  }

  @Test
  void primaryKeyFollowsPrimaryKeyPosition() {
    assertEquals(List.of("seq", "scanned_parcel"), example("shipments-v3.1.yaml").tables().get(2).primaryKey());
    assertEquals(List.of("parcel_no"), example("shipments-v3.1.yaml").tables().get(0).primaryKey());
  }

  @Test
  void v31TeamObjectIsNamedByItsName() {
    assertEquals("logistics-team", example("shipments-v3.1.yaml").team());
  }

  @Test
  void v32FieldsAreAccepted() {
    DataContract contract = example("shipments-v3.2.yaml");

    assertEquals(List.of("code"), contract.tables().get(0).primaryKey());
    assertEquals("logistics-team", contract.team());
  }

  @Test
  void fromIsRefusedOnAProperty() {
    assertRefused(withColumnRelationship("{from: things.id, to: things.id}"),
        "test: schema[0].properties[0].relationships[0].from: is given on a property, whose relationships start"
            + " from the property itself; expected only `to` here, or the relationship on the schema object");
  }

  @Test
  void unknownTableOrColumnOfTheSameContractIsRefused() {
    assertRefused(withColumnRelationship("{to: gizmos.id}"), "test: schema[0].properties[0].relationships[0].to:"
        + " `gizmos.id`: this contract has no table `gizmos`; expected one of [things], or"
        + " <domain>.<table>.<column> for another contract's");
    assertRefused(withColumnRelationship("{to: things.size}"),
        "test: schema[0].properties[0].relationships[0].to: `things.size`: table `things` has no column `size`");
    assertRefused(withColumnRelationship("{to: schema/nope/properties/id}"),
        "test: schema[0].properties[0].relationships[0].to: `schema/nope/properties/id`: no schema object has id"
            + " `nope`; expected one of []");
  }

  @Test
  void compositeKeyNeedsAsManyColumnsOnBothSides() {
    assertRefused(withTableRelationship("{from: [things.id], to: [crm.things.a, crm.things.b]}"),
        "test: schema[0].relationships[0].to: names 2 column(s) for 1 in `from`; expected `from` and `to` both one"
            + " reference, or both lists of as many (a composite key)");
    assertRefused(withTableRelationship("{to: crm.things.a}"),
        "test: schema[0].relationships[0].from: is missing; a relationship on a schema object names its own"
            + " columns in `from` and the referenced ones in `to`");
  }

  @Test
  void referencesIntoOtherFilesAndOtherTypesAreRefused() {
    assertRefused(withColumnRelationship("{to: 'crm.yaml#things.id'}"),
        "test: schema[0].properties[0].relationships[0].to: `crm.yaml#things.id` refers into another contract's"
            + " file, which the gateway does not read; expected another domain's table by its SQL name,"
            + " <domain>.<table>.<column>");
    assertRefused(withColumnRelationship("{to: things.id, type: dependsOn}"),
        "test: schema[0].properties[0].relationships[0].type: is `dependsOn`; expected foreignKey, the only"
            + " relationship type ODCS defines");
  }

  private static String withColumnRelationship(String relationship) {
    return TestContracts.MINIMAL.replace("physicalType: bigint",
        "physicalType: bigint\n        relationships: [" + relationship + "]");
  }

  private static String withTableRelationship(String relationship) {
    return TestContracts.MINIMAL.replace("    properties:", "    relationships: [" + relationship + "]\n    properties:");
  }

  private static void assertRefused(String text, String message) {
    assertEquals(message, assertThrows(ContractException.class, () -> ContractParser.parse("test", text)).getMessage());
  }
}
