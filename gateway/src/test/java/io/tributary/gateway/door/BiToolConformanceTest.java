package io.tributary.gateway.door;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Rows;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code DatabaseMetaData} calls DBeaver and Tableau make when they connect and when a user
 * browses, through both JDBC drivers: Tributary's (the JDBC door) and the Arrow Flight SQL JDBC
 * driver (the Flight door). Where the Arrow driver cannot carry an answer, the test says so.
 */
class BiToolConformanceTest {
  private static BothDrivers drivers;

  @BeforeAll
  static void connect() throws SQLException {
    drivers = BothDrivers.get();
  }

  private static DatabaseMetaData meta(String driver) throws SQLException {
    return drivers.of(driver).getMetaData();
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void oneCatalogHoldsEveryDomainAsASchema(String driver) throws SQLException {
    DatabaseMetaData meta = meta(driver);

    assertEquals(List.of("tributary"), Rows.column(meta.getCatalogs(), "TABLE_CAT"));
    assertEquals(List.of("tributary | customers", "tributary | information_schema", "tributary | orders",
        "tributary | tributary"), rows(meta.getSchemas(), "TABLE_CATALOG", "TABLE_SCHEM"));
    assertEquals(List.of(), Rows.column(meta.getSchemas("elsewhere", null), "TABLE_SCHEM"), "no other catalog");
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void tableTypesIncludeTheSystemOnes(String driver) throws SQLException {
    DatabaseMetaData meta = meta(driver);

    assertEquals(List.of("SYSTEM TABLE", "SYSTEM VIEW", "TABLE", "VIEW"), Rows.column(meta.getTableTypes(), "TABLE_TYPE"));
    List<String> system = Rows.column(meta.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_SCHEM");
    assertTrue(!system.isEmpty() && Set.copyOf(system).equals(Set.of("tributary")), system.toString());
  }

  @Test
  void tablesCarryTheirContractsDescriptionAsRemarks() throws SQLException {
    assertEquals(List.of("tributary | orders | orders | TABLE | One row per order placed.",
        "tributary | orders | orders_v1 | TABLE | One row per order placed.",
        "tributary | orders | raw_orders | TABLE | null"),
        sorted(rows(drivers.tributary().getMetaData().getTables(null, "orders", "%", null),
            "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS")));
    // Flight SQL's GetTables has no remarks: the Arrow driver leaves REMARKS null.
    assertEquals(List.of("tributary | orders | orders | TABLE | null", "tributary | orders | orders_v1 | TABLE | null",
        "tributary | orders | raw_orders | TABLE | null"), sorted(rows(drivers.arrow().getMetaData().getTables(null, "orders",
        "%", null), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS")));
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void columnsCarryPlainTypeNamesJdbcSizesAndRemarks(String driver) throws SQLException {
    assertEquals(List.of(
        "id | 4 | INTEGER | 10 | 0 | NO | The order number.",
        "customer_id | 4 | INTEGER | 10 | 0 | NO | Who ordered.",
        "ordered_on | 91 | DATE | 10 | 0 | NO | null",
        "status | 12 | VARCHAR | 20 | null | NO | null",
        "total | 3 | DECIMAL | 10 | 2 | NO | Order total including tax, in EUR."),
        rows(meta(driver).getColumns(null, "orders", "orders", "%"), "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
            "COLUMN_SIZE", "DECIMAL_DIGITS", "IS_NULLABLE", "REMARKS"));
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void everyColumnTypeNameIsATypeInfoName(String driver) throws SQLException {
    // The Arrow driver (18.3) answers getTypeInfo empty; the Flight door's GetXdbcTypeInfo lists
    // the JDBC door's types (FlightMetadataTest).
    List<String> types = Rows.column(drivers.tributary().getMetaData().getTypeInfo(), "TYPE_NAME");
    List<String> used = Rows.column(meta(driver).getColumns(null, "customers", "type_samples", "%"), "TYPE_NAME");

    assertEquals(List.of("INTEGER", "SMALLINT", "BIGINT", "DECIMAL", "DOUBLE", "REAL", "BOOLEAN", "CHAR", "VARCHAR",
        "VARCHAR", "DATE", "TIMESTAMP", "TIMESTAMP", "TIME"), used);
    assertTrue(types.containsAll(used), types.toString());
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void primaryKeysComeFromTheContracts(String driver) throws SQLException {
    assertEquals(List.of("tributary | orders | orders | id | 1 | orders_pkey"), rows(
        meta(driver).getPrimaryKeys(null, "orders", "orders"),
        "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
    assertEquals(List.of(), rows(meta(driver).getPrimaryKeys(null, "orders", "raw_orders"), "COLUMN_NAME"),
        "a table published without a contract declares no key");
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void foreignKeysComeFromTheContractsRelationships(String driver) throws SQLException {
    DatabaseMetaData meta = meta(driver);
    String[] columns = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_SCHEM",
        "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME"};

    assertEquals(List.of("tributary | customers | customers | id | orders | orders | customer_id | 1"
        + " | orders_customer_id_fkey"), rows(meta.getImportedKeys(null, "orders", "orders"), columns));
    assertEquals(List.of(
        "tributary | customers | customers | id | orders | orders | customer_id | 1 | orders_customer_id_fkey",
        "tributary | customers | customers | id | orders | orders_v1 | customer_id | 1 | orders_v1_customer_id_fkey"),
        rows(meta.getExportedKeys(null, "customers", "customers"), columns));
    assertEquals(rows(meta.getImportedKeys(null, "orders", "orders"), columns),
        rows(meta.getCrossReference(null, "customers", "customers", null, "orders", "orders"), columns));
    assertEquals(List.of(), rows(meta.getImportedKeys(null, "customers", "customers"), columns));
  }

  @Test
  void namesAreStoredInLowerCase() throws SQLException {
    DatabaseMetaData meta = drivers.tributary().getMetaData();

    assertTrue(meta.storesLowerCaseIdentifiers());
    assertFalse(meta.storesUpperCaseIdentifiers());
    assertFalse(meta.storesMixedCaseIdentifiers());
    assertEquals("\"", meta.getIdentifierQuoteString());
    assertEquals("tributary", drivers.tributary().getCatalog());
  }

  @Test
  void foreignKeysAreListedInTributaryColumns() throws SQLException {
    assertEquals(List.of("customer_id | customers.customers.id"), Rows.of(drivers.tributary(),
        "SELECT column_name, refers_to FROM tributary.columns WHERE product = 'orders' AND refers_to IS NOT NULL"));
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  /** The named columns of every row, as text. */
  static List<String> rows(ResultSet rs, String... columns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(rs.getString(column));
        }
        rows.add(String.join(" | ", values));
      }
    }
    return rows;
  }
}
