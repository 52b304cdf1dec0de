package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a BI tool sees when it browses the gateway through DatabaseMetaData. */
class MetadataTest {
  private static Connection gateway;

  @BeforeAll
  static void connect() throws SQLException {
    gateway = FederatedMesh.get().connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
  }

  @Test
  void driverIdentifiesItselfAsTributary() throws SQLException {
    assertEquals("Tributary JDBC Driver", gateway.getMetaData().getDriverName());
  }

  @Test
  void eachDomainIsASchemaBesideTheSystemAndInformationSchemas() throws SQLException {
    List<String> schemas = column(gateway.getMetaData().getSchemas(), "TABLE_SCHEM");

    assertEquals(List.of("archive", "customers", "information_schema", "orders", "tributary"),
        schemas.stream().sorted().toList());
  }

  @Test
  void catalogsAreListed() throws SQLException {
    List<String> catalogs = column(gateway.getMetaData().getCatalogs(), "TABLE_CAT");

    assertEquals(List.of("tributary"), catalogs, "one catalog holds every domain");
    assertEquals("tributary", gateway.getCatalog());
  }

  @Test
  void onlyPublishedTablesAreListedEvenWhenAStoreIsDown() throws SQLException {
    DatabaseMetaData meta = gateway.getMetaData();

    assertEquals(List.of("order_history", "orders"), column(meta.getTables(null, "orders", "%", null), "TABLE_NAME").stream().sorted().toList());
    assertEquals(List.of("customers"), column(meta.getTables(null, "customers", "%", null), "TABLE_NAME"));
    assertEquals(List.of("invoices"), column(meta.getTables(null, "archive", "%", null), "TABLE_NAME"),
        "the archive store is down, yet its published table is listed");
  }

  @Test
  void columnsOfEveryDomainAreListedWhileOneStoreIsDown() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = gateway.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
      }
    }

    assertTrue(tables.contains("customers.customers") && tables.contains("orders.orders"), tables.toString());
    assertTrue(tables.stream().noneMatch(t -> t.startsWith("archive.")), "the down store's table has no columns to list");
  }

  @Test
  void columnsCarryTheStoresTypes() throws SQLException {
    Map<String, String> customers = columns("customers", "customers");
    Map<String, String> orders = columns("orders", "orders");

    assertEquals(Map.of("id", "INTEGER", "name", "VARCHAR(100)", "email", "VARCHAR(200)", "country", "CHAR(2)",
        "signed_up", "DATE", "vip", "BOOLEAN"), customers);
    assertEquals(Map.of("id", "INTEGER", "customer_id", "INTEGER", "ordered_on", "DATE", "status", "VARCHAR(20)",
        "total", "DECIMAL(10,2)"), orders);
  }

  @Test
  void columnsAreListedInTheStoresOrder() throws SQLException {
    assertEquals(List.of("id", "name", "email", "country", "signed_up", "vip"), new ArrayList<>(columns("customers", "customers").keySet()));
  }

  /** Column name to JDBC type name with length or precision, as DatabaseMetaData reports them. */
  private static Map<String, String> columns(String schema, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rs = gateway.getMetaData().getColumns(null, schema, table, "%")) {
      while (rs.next()) {
        int type = rs.getInt("DATA_TYPE");
        String name = java.sql.JDBCType.valueOf(type).getName();
        String size = switch (type) {
          case Types.VARCHAR, Types.CHAR -> "(" + rs.getInt("COLUMN_SIZE") + ")";
          case Types.DECIMAL -> "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
          default -> "";
        };
        columns.put(rs.getString("COLUMN_NAME"), name + size);
      }
    }
    return columns;
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }
}
