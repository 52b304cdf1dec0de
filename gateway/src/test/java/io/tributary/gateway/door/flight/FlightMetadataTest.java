package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Rows;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.vector.UInt4Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a Flight SQL client sees when it browses the gateway: the JDBC door's catalog, as Arrow. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
class FlightMetadataTest {
  private static Connection flight;
  private static Connection jdbc;

  @BeforeAll
  static void connect() throws SQLException {
    FederatedMesh mesh = FederatedMesh.get();
    flight = ArrowClient.jdbc(mesh.gateway().flightPort());
    jdbc = mesh.connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    flight.close();
    jdbc.close();
  }

  @Test
  void domainsAreSchemasAsInTheJdbcDoor() throws SQLException {
    List<String> schemas = Rows.column(flight.getMetaData().getSchemas(), "TABLE_SCHEM");

    assertEquals(List.of("archive", "customers", "information_schema", "orders", "tributary"),
        schemas.stream().sorted().toList());
    assertEquals(List.of("customers"), Rows.column(flight.getMetaData().getSchemas(null, "cust%"), "TABLE_SCHEM"));
  }

  @Test
  void oneCatalogHoldsEveryDomainAsInTheJdbcDoor() throws SQLException {
    assertEquals(List.of("tributary"), Rows.column(flight.getMetaData().getCatalogs(), "TABLE_CAT"));
    assertEquals(Rows.column(jdbc.getMetaData().getCatalogs(), "TABLE_CAT"),
        Rows.column(flight.getMetaData().getCatalogs(), "TABLE_CAT"));
  }

  @Test
  void tablesAndTableTypesAreTheJdbcDoors() throws SQLException {
    DatabaseMetaData meta = flight.getMetaData();

    assertEquals(List.of("order_history", "orders"),
        Rows.column(meta.getTables(null, "orders", "%", null), "TABLE_NAME").stream().sorted().toList());
    assertEquals(List.of("invoices"), Rows.column(meta.getTables(null, "archive", "%", null), "TABLE_NAME"),
        "the archive store is down, yet its published table is listed");
    assertEquals(Rows.column(jdbc.getMetaData().getTables(null, null, "%", null), "TABLE_NAME"),
        Rows.column(meta.getTables(null, null, "%", null), "TABLE_NAME"));
    assertEquals(Rows.column(jdbc.getMetaData().getTableTypes(), "TABLE_TYPE"), Rows.column(meta.getTableTypes(), "TABLE_TYPE"));
  }

  @Test
  void columnsComeFromEachTablesArrowSchemaWithTheStoresTypes() throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (ResultSet rs = flight.getMetaData().getColumns(null, "orders", "orders", "%")) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME") + "/" + rs.getInt("COLUMN_SIZE") + "/"
            + rs.getInt("DECIMAL_DIGITS") + "/" + rs.getString("IS_NULLABLE"));
      }
    }

    assertEquals(Map.of("id", "INTEGER/10/0/NO", "customer_id", "INTEGER/10/0/NO", "ordered_on", "DATE/10/0/NO",
        "status", "VARCHAR/20/0/NO", "total", "DECIMAL/10/2/NO"), columns);
    assertEquals(List.of("id", "customer_id", "ordered_on", "status", "total"), new ArrayList<>(columns.keySet()));
  }

  @Test
  void everyColumnTheJdbcDoorListsIsListedWhileOneStoreIsDown() throws SQLException {
    List<String> columns = qualifiedColumns(flight);

    assertEquals(qualifiedColumns(jdbc), columns);
    assertTrue(columns.contains("orders.orders.total"), columns.toString());
    assertTrue(columns.stream().noneMatch(c -> c.startsWith("archive.")), "the down store's table has no columns");
  }

  @Test
  void serverDescribesItselfAsReadOnlyTributaryQuotingLikeTheEngine() throws SQLException {
    DatabaseMetaData meta = flight.getMetaData();

    assertEquals("Tributary", meta.getDatabaseProductName());
    assertTrue(meta.isReadOnly());
    assertEquals(jdbc.getMetaData().getIdentifierQuoteString(), meta.getIdentifierQuoteString());
    assertEquals("domain", meta.getSchemaTerm());
  }

  @Test
  void typeInfoListsTheJdbcDoorsTypes() throws Exception {
    List<String> jdbcTypes = Rows.column(jdbc.getMetaData().getTypeInfo(), "TYPE_NAME");

    assertEquals(jdbcTypes, xdbcTypeNames(null));
    assertTrue(jdbcTypes.containsAll(List.of("INTEGER", "VARCHAR", "DECIMAL", "DATE", "TIMESTAMP")), jdbcTypes.toString());
  }

  @Test
  void typeInfoOfOneTypeListsOnlyThatType() throws Exception {
    assertEquals(List.of("DATE"), xdbcTypeNames(Types.DATE));
  }

  /** GetXdbcTypeInfo through the Flight SQL protocol: every type, or those of one JDBC type code. */
  private static List<String> xdbcTypeNames(Integer dataType) throws Exception {
    try (ArrowClient client = new ArrowClient(FederatedMesh.get().gateway().flightPort());
         FlightStream stream = client.stream(dataType == null ? client.sql().getXdbcTypeInfo(client.token())
             : client.sql().getXdbcTypeInfo(dataType, client.token()))) {
      List<String> names = new ArrayList<>();
      while (stream.next()) {
        for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
          names.add(stream.getRoot().getVector("type_name").getObject(i).toString());
        }
      }
      return names;
    }
  }

  @Test
  void sqlInfoAnswersTheEntriesItKnowsAndSkipsTheOthers() throws Exception {
    try (ArrowClient client = new ArrowClient(FederatedMesh.get().gateway().flightPort());
         FlightStream stream = client.stream(client.sql().getSqlInfo(
             new int[] {SqlInfo.FLIGHT_SQL_SERVER_NAME_VALUE, SqlInfo.SQL_MAX_ROW_SIZE_VALUE}, client.token()))) {
      List<Integer> answered = new ArrayList<>();
      while (stream.next()) {
        UInt4Vector names = (UInt4Vector) stream.getRoot().getVector("info_name");
        for (int i = 0; i < stream.getRoot().getRowCount(); i++) {
          answered.add(names.get(i));
        }
      }

      assertEquals(List.of(SqlInfo.FLIGHT_SQL_SERVER_NAME_VALUE), answered);
    }
  }

  private static List<String> qualifiedColumns(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME") + "." + rs.getString("COLUMN_NAME"));
      }
    }
    return columns;
  }
}
