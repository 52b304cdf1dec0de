package io.tributary.gateway.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Rows;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code information_schema} answers as PostgreSQL's does, for what the caller may query. */
class InformationSchemaTest extends ComparedWithPostgresql {
  @ParameterizedTest
  @ValueSource(strings = {"schemata", "tables", "columns"})
  void listingsHavePostgresqlsColumnsInItsOrder(String listing) throws SQLException {
    String sql = "SELECT * FROM information_schema." + listing + " WHERE 1 = 0";

    assertEquals(columnNames(reference, sql), columnNames(gateway, sql));
  }

  @Test
  void columnsOfPostgresqlAndMariadbTablesAreDescribedAsPostgresqlDescribesThem() throws SQLException {
    answersAsPostgresql("SELECT table_schema, table_name, column_name, ordinal_position,"
        + " column_default, is_nullable, data_type, character_maximum_length, character_octet_length,"
        + " numeric_precision, numeric_precision_radix, numeric_scale, udt_name, dtd_identifier, is_identity,"
        + " is_generated FROM information_schema.columns WHERE table_schema IN ('metrics', 'stock')"
        + " AND table_name IN ('readings', 'items') ORDER BY table_schema, table_name, ordinal_position");
  }

  @Test
  void tablesListPublishedTablesAndTheProductsTheCallerMayReadButNoPrivateOne() throws SQLException {
    assertEquals(List.of("stock | items | BASE TABLE", "stock | shelf | BASE TABLE", "stock | shelf_v1 | BASE TABLE"),
        Rows.of(gateway, "SELECT table_schema, table_name, table_type FROM information_schema.tables"
            + " WHERE table_schema = 'stock' ORDER BY table_name"));

    List<String> system = Rows.of(gateway, "SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = 'tributary'");
    assertTrue(system.containsAll(List.of("domains", "tables", "data_products", "columns")), system.toString());
    assertEquals(List.of("item_id | 1 | integer", "ref | 2 | character varying", "value | 3 | numeric"),
        Rows.of(gateway, "SELECT column_name, ordinal_position, data_type FROM information_schema.columns"
            + " WHERE table_schema = 'stock' AND table_name = 'shelf' ORDER BY ordinal_position"));
  }

  @Test
  void schemataListEachDomainWithItsOwningTeam() throws SQLException {
    assertEquals(List.of("information_schema | tributary", "metrics | sensors", "stock | warehouse",
        "tributary | tributary"), Rows.of(gateway, "SELECT schema_name, schema_owner FROM information_schema.schemata"
        + " ORDER BY schema_name"));
  }

  @Test
  void listingsAgreeWithWhatJdbcMetadataLists() throws SQLException {
    DatabaseMetaData meta = gateway.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
      }
    }
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, "stock", "%", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("IS_NULLABLE"));
      }
    }

    assertEquals(tables.stream().sorted().toList(), Rows.of(gateway,
        "SELECT table_schema || '.' || table_name FROM information_schema.tables ORDER BY 1"));
    assertEquals(columns.stream().sorted().toList(), Rows.of(gateway, "SELECT table_name || '.' || column_name || ' '"
        + " || is_nullable FROM information_schema.columns WHERE table_schema = 'stock' ORDER BY 1"));
    assertFalse(tables.contains("stock.ledger"), "a private product is not listed: " + tables);
  }

  private static List<String> columnNames(Connection c, String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i));
      }
    }
    return names;
  }
}
