package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.column;
import static io.tributary.catalog.contract.TestContracts.example;
import static io.tributary.catalog.contract.TestContracts.things;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityTest {
  private static final DataContract SERVED = things("1.0.0", "internal",
      column("id", "bigint", true), column("name", "varchar(50)", true), column("note", "text", false));

  @Test
  void sameContractBreaksNothing() {
    assertEquals(List.of(), Compatibility.breaks(SERVED, SERVED));
  }

  @Test
  void addingColumnsAndTablesAndRequiringAnOptionalColumnBreakNothing() {
    DataContract proposed = things("1.1.0", "internal", column("id", "bigint", true),
        column("name", "varchar(50)", true), column("note", "text", true), column("added", "date", false));

    assertEquals(List.of(), Compatibility.breaks(SERVED, proposed));
  }

  @Test
  void removedColumnBreaks() {
    DataContract proposed = things("1.1.0", "internal", column("id", "bigint", true), column("name", "varchar(50)", true));

    assertEquals(List.of("column `things.note` is removed"), Compatibility.breaks(SERVED, proposed));
  }

  @Test
  void renamedColumnIsARemovalButARemappedOneIsNot() {
    DataContract renamed = things("1.1.0", "internal", column("id", "bigint", true),
        column("title", "varchar(50)", true), column("note", "text", false));
    DataContract remapped = things("1.1.0", "internal", column("id", "bigint", true),
        column("name", "varchar(50)", true) + "  physicalName: title\n", column("note", "text", false));

    assertEquals(List.of("column `things.name` is removed"), Compatibility.breaks(SERVED, renamed));
    assertEquals(List.of(), Compatibility.breaks(SERVED, remapped));
  }

  @Test
  void requiredColumnBecomingOptionalBreaks() {
    DataContract proposed = things("1.1.0", "internal", column("id", "bigint", true),
        column("name", "varchar(50)", false), column("note", "text", false));

    assertEquals(List.of("column `things.name` was required and may now be null"),
        Compatibility.breaks(SERVED, proposed));
  }

  @Test
  void removedTableBreaks() {
    DataContract served = example("orders-v2.yaml");
    DataContract proposed = ContractParser.parse("test", TestContracts.text("orders-v2.yaml")
        .replaceAll("(?s)  - name: order_lines.*slaProperties:", "slaProperties:"));

    assertEquals(List.of("table `order_lines` is removed"), Compatibility.breaks(served, proposed));
  }

  @Test
  void narrowedAccessBreaksAndWidenedAccessDoesNot() {
    List<String> columns = List.of(column("id", "bigint", true), column("name", "varchar(50)", true),
        column("note", "text", false));
    DataContract narrowed = things("1.1.0", "private", columns.toArray(String[]::new));
    DataContract widened = things("1.1.0", "public", columns.toArray(String[]::new));

    assertEquals(List.of("access narrows from internal to private"), Compatibility.breaks(SERVED, narrowed));
    assertEquals(List.of(), Compatibility.breaks(SERVED, widened));
  }

  @Test
  void everyBreakIsListed() {
    DataContract proposed = things("1.1.0", "private", column("name", "varchar(20)", false));

    assertEquals(List.of("access narrows from internal to private", "column `things.id` is removed",
        "column `things.name` changes type from varchar(50) to varchar(20), which does not hold every value it held",
        "column `things.name` was required and may now be null", "column `things.note` is removed"),
        Compatibility.breaks(SERVED, proposed));
  }

  @ParameterizedTest(name = "{0} -> {1}: holds = {2}")
  @CsvSource(delimiter = '|', textBlock = """
      varchar(50)   | varchar(80)   | true
      varchar(50)   | text          | true
      varchar(50)   | varchar(20)   | false
      text          | varchar(4000) | false
      char(2)       | varchar(2)    | true
      char(2)       | char(3)       | true
      varchar(2)    | char(2)       | false
      tinyint       | smallint      | true
      smallint      | int           | true
      smallint      | bigint        | true
      int           | bigint        | true
      bigint        | int           | false
      int           | decimal(20,0) | false
      real          | double        | true
      double        | real          | false
      int           | double        | false
      decimal(10,2) | decimal(12,2) | true
      decimal(10,2) | decimal(12,3) | false
      decimal(10,2) | decimal(8,2)  | false
      timestamp(3)  | timestamp(6)  | true
      timestamp     | timestamp(3)  | false
      timestamp     | timestamptz   | false
      date          | timestamp     | false
      int           | varchar(20)   | false
      """)
  void onlyWideningTypeChangesKeepTheMajor(String from, String to, boolean holds) {
    DataContract served = things("1.0.0", "public", column("c", from, true));
    DataContract proposed = things("1.1.0", "public", column("c", to, true));

    assertEquals(holds, Compatibility.breaks(served, proposed).isEmpty());
  }
}
