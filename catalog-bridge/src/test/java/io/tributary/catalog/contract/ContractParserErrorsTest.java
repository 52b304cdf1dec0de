package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContractParserErrorsTest {

  @Test
  void unknownTopLevelKeyIsRefusedNamingTheKnownOnes() {
    assertRefused(MINIMAL + "owner: checkout\n", "test: owner: is not a field of an ODCS v3 data contract; expected"
        + " one of [apiVersion, authoritativeDefinitions, context, contractCreatedTs, customProperties, dataProduct,"
        + " description, domain, id, kind, name, price, roles, schema, servers, slaDefaultElement, slaProperties,"
        + " status, support, tags, team, tenant, version]");
  }

  @Test
  void misspelledColumnFieldIsRefusedAtItsPath() {
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: bigint\n        requried: true"),
        "test: schema[0].properties[0].requried: is not a field of an ODCS v3 property; expected one of"
            + " [authoritativeDefinitions, businessName, classification, criticalDataElement, customProperties,"
            + " description, encryptedName, enum, examples, id, items, logicalType, logicalTypeOptions, name,"
            + " partitionKeyPosition, partitioned, physicalName, physicalType, primaryKey, primaryKeyPosition,"
            + " properties, quality, relationships, required, semanticType, synonyms, tags, transformDescription,"
            + " transformLogic, transformSourceObjects, unique]");
  }

  @Test
  void missingRequiredFieldSaysWhatBelongsThere() {
    assertRefused(MINIMAL.replace("id: shop-things\n", ""),
        "test: id: is missing; expected the contract's stable identifier, shared by all its versions (e.g. a UUID)");
    assertRefused(MINIMAL.replace("name: things\nversion", "version"),
        "test: name: is missing, and so is dataProduct; expected the data product's name");
    assertRefused(MINIMAL.replace("domain: shop\n", ""),
        "test: domain: is missing; expected the publishing domain, as named in the gateway's configuration");
  }

  @Test
  void otherStandardVersionsAreRefused() {
    assertRefused(MINIMAL.replace("v3.0.2", "v2.2.2"),
        "test: apiVersion: `v2.2.2` is not supported; expected v3.0.x, v3.1.x or v3.2.x (Open Data Contract"
            + " Standard 3.0 to 3.2, e.g. v3.1.0)");
    assertRefused(MINIMAL.replace("v3.0.2", "v4.0.0"),
        "test: apiVersion: `v4.0.0` is not supported; expected v3.0.x, v3.1.x or v3.2.x (Open Data Contract"
            + " Standard 3.0 to 3.2, e.g. v3.1.0)");
    assertRefused(MINIMAL.replace("kind: DataContract", "kind: DataProduct"),
        "test: kind: is `DataProduct`; expected DataContract");
  }

  @Test
  void versionMustBeSemantic() {
    assertRefused(MINIMAL.replace("version: 1.0.0", "version: 1.0"), "test: version: `1.0` is not a version;"
        + " expected MAJOR.MINOR.PATCH such as 1.2.0 (the major is what SQL pins: <table>_v<MAJOR>)");
    assertRefused(MINIMAL.replace("version: 1.0.0", "version: 1.0.0-rc1"), "test: version: `1.0.0-rc1` is not"
        + " a version; expected MAJOR.MINOR.PATCH such as 1.2.0 (the major is what SQL pins: <table>_v<MAJOR>)");
  }

  @Test
  void unsupportedTypeIsRefusedListingTheSupportedOnes() {
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: jsonb"),
        "test: schema[0].properties[0].physicalType: `jsonb` is not a supported type; expected one of [bigint, bool,"
            + " boolean, bpchar, bytea, char, character, character varying, date, datetime, decimal, double,"
            + " double precision, float, float4, float8, int, int2, int4, int8, integer, numeric, nvarchar, real,"
            + " smallint, string, text, time, time without time zone, timestamp, timestamp with time zone,"
            + " timestamp without time zone, timestamptz, tinyint, varbinary, varchar], with (n) for a length or"
            + " (p, s) for a decimal");
  }

  @Test
  void typeWithASizeItDoesNotTakeIsRefused() {
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: text(10)"),
        "test: schema[0].properties[0].physicalType: `text(10)` gives text a size it does not take;"
            + " expected text without parentheses");
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: decimal(2,5)"),
        "test: schema[0].properties[0].physicalType: `decimal(2,5)` is not a valid decimal; expected a precision"
            + " of at least 1 and a scale from 0 to the precision");
  }

  @Test
  void logicalTypeContradictingPhysicalTypeIsRefused() {
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: varchar(10)\n        logicalType: integer"),
        "test: schema[0].properties[0].logicalType: is `integer` but physicalType `varchar(10)` is not of that kind;"
            + " expected them to agree (or drop logicalType)");
    assertRefused(MINIMAL.replace("physicalType: bigint", "logicalType: object"),
        "test: schema[0].properties[0].logicalType: is `object`, which a column cannot be: a column holds one SQL"
            + " value; expected a scalar type (flatten nested fields into columns of their own)");
  }

  @Test
  void columnWithoutAnyTypeIsRefused() {
    assertRefused(MINIMAL.replace("        physicalType: bigint\n", ""),
        "test: schema[0].properties[0]: has neither physicalType nor logicalType; expected at least one,"
            + " e.g. physicalType: varchar(100)");
  }

  @Test
  void accessMustBeGivenAndKnown() {
    assertRefused(MINIMAL.replace("value: public", "value: everyone"),
        "test: customProperties[0].value: `everyone` is not an access level; expected public, internal or private");
    assertRefused(MINIMAL.replace("property: access", "property: owner"),
        "test: customProperties: has no `access`; expected an entry {property: access, value: public | internal"
            + " | private}, which decides whether and to whom the gateway serves the product");
  }

  @Test
  void duplicateColumnOrTableIsRefused() {
    String twice = "      - name: id\n        physicalType: bigint\n";
    assertRefused(MINIMAL.replace(twice, twice + twice), "test: schema[0].properties[1].name: `id` is a second"
        + " column of that name (the first is schema[0].properties[0].name); expected each column name once");
    String table = "  - name: things\n    properties:\n" + twice;
    assertRefused(MINIMAL.replace(table, table + table), "test: schema[1].name: `things` is a second table of that"
        + " name (the first is schema[0].name); expected each table name once");
  }

  @Test
  void namesMustBeSqlNamesAndTablesMayNotLookPinned() {
    assertRefused(MINIMAL.replace("- name: id", "- name: Order-Id"), "test: schema[0].properties[0].name:"
        + " `Order-Id` is not a valid SQL name; expected lower-case letters, digits and _, starting with a letter");
    assertRefused(MINIMAL.replace("- name: things", "- name: things_v2"), "test: schema[0].name: `things_v2` ends"
        + " like a version pin; `<table>_v<N>` is how SQL addresses major N, so choose a name without the `_v<N>`"
        + " suffix");
    assertRefused(MINIMAL.replace("- name: id", "- name: id\n        physicalName: \"order id\""),
        "test: schema[0].properties[0].physicalName: `order id` is not a valid store name; expected letters,"
            + " digits, _ and $, starting with a letter or _");
  }

  @Test
  void deprecationNeedsADateAndAReplacement() {
    assertRefused(MINIMAL + "  - property: replacedBy\n    value: shop.things_v2\n",
        "test: customProperties: has `replacedBy` without `deprecationDate`; expected both: the day the version"
            + " may be retired and what consumers should move to (e.g. orders.orders_v2)");
    assertRefused(MINIMAL + "  - property: replacedBy\n    value: shop.things_v2\n"
            + "  - property: deprecationDate\n    value: 30.06.2026\n",
        "test: customProperties[2].value: `30.06.2026` is not a date; expected an ISO date such as 2026-06-30");
  }

  @Test
  void freshnessNeedsAKnownUnit() {
    assertRefused(MINIMAL + "slaProperties:\n  - property: freshness\n    value: 2\n    unit: weeks\n",
        "test: slaProperties[0].unit: `weeks` is not a unit of freshness; expected a number with unit d, h, m or s"
            + " (or day(s), hour(s), minute(s), second(s)), or an ISO-8601 duration such as PT15M without a unit");
  }

  @Test
  void wrongShapesSayWhatWasExpected() {
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: bigint\n        required: yes please"),
        "test: schema[0].properties[0].required: is `yes please`; expected true or false");
    assertRefused(MINIMAL.replace("schema:\n", "schema: things\n").replaceAll("(?s)  - name: things.*bigint\n", ""),
        "test: schema: is `things`; expected a list");
    assertRefused(MINIMAL.replace("physicalType: bigint", "physicalType: bigint\n        properties: []"),
        "test: schema[0].properties[0].properties: nests fields in a column, which is not supported: a column"
            + " holds one SQL value; expected nested fields flattened into columns of their own");
  }

  @Test
  void invalidYamlAndDuplicateKeysAreRefusedWithTheirLine() {
    assertRefused("apiVersion: v3.0.2\nkind: [DataContract\n", "test: line 2, column 20: is not valid YAML:"
        + " while parsing a flow sequence: expected ',' or ']', but got <stream end>");
    assertRefused(MINIMAL + "id: again\n", "test: line 16, column 3: is not valid YAML: Duplicate field 'id'");
  }

  @Test
  void emptyTextIsNotAContract() {
    assertRefused("  \n", "test: is empty; expected an ODCS v3 data contract (apiVersion: v3.1.0,"
        + " kind: DataContract, ...)");
  }

  private static void assertRefused(String text, String message) {
    ContractException refused = assertThrows(ContractException.class, () -> ContractParser.parse("test", text));
    assertEquals(message, refused.getMessage());
  }
}
