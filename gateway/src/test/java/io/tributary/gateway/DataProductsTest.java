package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.deprecated;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.CHAR;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.DataContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data products served through the JDBC driver: versions side by side, deprecation, visibility, pushdown. */
class DataProductsTest {
  private static final String PG_CUSTOMERS = "\"public\".\"crm_customers\"";

  private static ProductMesh mesh;
  private static Connection gateway;

  @BeforeAll
  static void publish() throws SQLException {
    mesh = ProductMesh.get();
    mesh.publish(deprecated(contract("crm", "customers", "1.2.0", Access.PUBLIC,
        table("customers", "crm_customers", column("id", "cust_id", INTEGER, true),
            column("name", "full_name", VARCHAR, 100, -1, true), column("country", "country", CHAR, 2, -1, true))),
        LocalDate.of(2031, 6, 30), "crm.customers_v2"));
    mesh.publish(contract("crm", "customers", "2.0.0", Access.PUBLIC,
        table("customers", "crm_customers", column("customer_id", "cust_id", INTEGER, true),
            column("full_name", "full_name", VARCHAR, 100, -1, true), column("email", "email", VARCHAR, 200, -1, false),
            column("country_code", "country", CHAR, 2, -1, true))));
    mesh.publish(contract("crm", "secrets", "1.0.0", Access.PRIVATE,
        table("secrets", "customer_secrets", column("customer_id", "cust_id", INTEGER, false))));
    mesh.publish(contract("crm", "segments", "1.0.0", Access.INTERNAL,
        table("segments", "segments", column("segment", "segment", VARCHAR, 20, -1, true),
            column("customer_id", "cust_id", INTEGER, true))));
    mesh.publish(contract("shop", "purchases", "1.0.0", Access.PUBLIC,
        table("purchases", "purchases", column("purchase_id", "purchase_no", INTEGER, true),
            column("customer_id", "buyer", INTEGER, true), column("amount", "amount", DECIMAL, 10, 2, true))));
    gateway = mesh.connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
  }

  @Test
  void eachMajorIsPinnedByItsSuffixAndTheLatestAnswersUnderTheTableName() throws SQLException {
    assertEquals(List.of("id", "name", "country"), columns("SELECT * FROM crm.customers_v1"));
    assertEquals(List.of("customer_id", "full_name", "email", "country_code"), columns("SELECT * FROM crm.customers_v2"));
    assertEquals(List.of("customer_id", "full_name", "email", "country_code"), columns("SELECT * FROM crm.customers"),
        "the latest major; its contract wins over the raw table tributary.yaml publishes under the same name");

    assertEquals(List.of("1 | Ada | DE", "2 | Bob | FR"), Rows.of(gateway, "SELECT * FROM crm.customers_v1 WHERE id < 3 ORDER BY id"));
    assertEquals(List.of("1 | Ada | ada@example.com | DE"),
        Rows.of(gateway, "SELECT * FROM crm.customers_v2 WHERE customer_id = 1"));
    assertEquals(Rows.of(gateway, "SELECT customer_id, full_name FROM crm.customers_v2 ORDER BY 1"),
        Rows.of(gateway, "SELECT id, name FROM crm.customers_v1 ORDER BY 1"), "two renamings of one physical table");
  }

  @Test
  void deprecatedVersionAnswersWithAWarningNamingItsReplacement() throws SQLException {
    try (Statement statement = gateway.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT name FROM crm.customers_v1 WHERE id = 1")) {
        assertEquals(List.of("Ada"), Rows.read(rows));
      }
      SQLWarning warning = statement.getWarnings();
      assertTrue(warning != null && warning.getMessage().contains("deprecated")
          && warning.getMessage().contains("crm.customers_v2") && warning.getMessage().contains("2031-06-30"),
          String.valueOf(warning));

      statement.executeQuery("SELECT full_name FROM crm.customers_v2 WHERE customer_id = 1").close();
      assertNull(statement.getWarnings(), "the replacement is not deprecated");
    }
  }

  @Test
  void privateProductIsNeitherServedNorListed() throws SQLException {
    SQLException e = assertThrows(SQLException.class, () -> Rows.of(gateway, "SELECT * FROM crm.secrets_v1"));
    assertEquals("42P01", e.getSQLState(), e.getMessage());

    List<String> listed = Rows.column(gateway.getMetaData().getTables(null, "crm", "%", null), "TABLE_NAME");
    assertFalse(listed.stream().anyMatch(t -> t.startsWith("secrets")), listed.toString());
    assertEquals(List.of(), Rows.of(gateway, "SELECT version FROM tributary.data_products WHERE product = 'secrets'"));
    assertEquals(List.of(), Rows.of(gateway, "SELECT column_name FROM tributary.columns WHERE product = 'secrets'"));
  }

  @Test
  void internalProductIsServedAndListedWithItsAccessLevel() throws SQLException {
    assertEquals(List.of("loyal | 1", "new | 2"), Rows.of(gateway, "SELECT * FROM crm.segments ORDER BY segment"));
    assertEquals(List.of("internal"),
        Rows.of(gateway, "SELECT access FROM tributary.data_products WHERE product = 'segments'"));
  }

  @Test
  void filterAndProjectionOnAProductReachTheStoreUnderPhysicalNames() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway,
          "SELECT full_name FROM crm.customers WHERE country_code = 'DE' ORDER BY full_name");

      assertEquals(List.of("Ada", "Cy"), rows);
      String toPostgres = sent.to(PG_CUSTOMERS);
      assertTrue(toPostgres.contains("WHERE \"country\" = 'DE'"), toPostgres);
      assertTrue(toPostgres.contains("ORDER BY \"full_name\""), toPostgres);
      assertFalse(toPostgres.contains("email") || toPostgres.contains("score"), "only what the query needs: " + toPostgres);
    }
    String plan = String.join("\n", Rows.of(gateway, "EXPLAIN PLAN FOR SELECT name FROM crm.customers_v1 WHERE country = 'FR'"));
    assertTrue(plan.contains("JdbcToEnumerableConverter") && plan.contains("JdbcTableScan(table=[[crm, customers_v1]])")
        && !plan.contains("EnumerableCalc"), "the whole query runs in the store: " + plan);
  }

  @Test
  void joinOfTwoProductsInOneStoreRunsInTheStore() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway, "SELECT c.full_name, s.segment FROM crm.customers c"
          + " JOIN crm.segments s ON s.customer_id = c.customer_id ORDER BY c.full_name");

      assertEquals(List.of("Ada | loyal", "Bob | new"), rows);
      String toPostgres = sent.to(PG_CUSTOMERS);
      assertTrue(toPostgres.contains("JOIN") && toPostgres.contains("\"segments\""), toPostgres);
    }
  }

  @Test
  void dataProductsListEachServedMajorWithItsNamesAndState() throws SQLException {
    assertEquals(List.of(
            "1.2.0 | 1 | deprecated | public | 2031-06-30 | crm.customers_v2 | ok | crm.customers_v1 | PT1H",
            "2.0.0 | 2 | active | public | null | null | ok | crm.customers, crm.customers_v2 | PT1H"),
        Rows.of(gateway, "SELECT version, major, status, access, deprecation_date, replacement, state, sql_name, freshness"
            + " FROM tributary.data_products WHERE domain = 'crm' AND product = 'customers' ORDER BY major"));
  }

  @Test
  void columnsListWhatEachVersionPromisesInContractOrder() throws SQLException {
    assertEquals(List.of("1 | id | INTEGER | true", "2 | name | VARCHAR(100) | true", "3 | country | CHAR(2) | true"),
        Rows.of(gateway, "SELECT ordinal_position, column_name, type, required FROM tributary.columns"
            + " WHERE product = 'customers' AND major = 1 ORDER BY ordinal_position"));
    assertEquals(List.of("amount | DECIMAL(10,2)"), Rows.of(gateway,
        "SELECT column_name, type FROM tributary.columns WHERE product = 'purchases' AND column_name = 'amount'"));
  }

  @Test
  void productPublishedLiveIsServedToOpenAndNewSessionsAndRetiredAtOnceEverywhere() throws SQLException {
    DataContract cohorts = contract("crm", "cohorts", "1.0.0", Access.PUBLIC,
        table("cohorts", "segments", column("cohort", "segment", VARCHAR, 20, -1, true)));
    try (Connection before = mesh.connect()) {
      mesh.publish(cohorts);
      try (Connection after = mesh.connect()) {
        assertEquals(List.of("loyal", "new"), Rows.of(after, "SELECT cohort FROM crm.cohorts_v1 ORDER BY 1"));
        assertEquals(List.of("loyal", "new"), Rows.of(before, "SELECT cohort FROM crm.cohorts ORDER BY 1"),
            "a session held open since before the publication serves it too");

        mesh.gateway().engine().products().retire(cohorts.id());
        SQLException retired = assertThrows(SQLException.class, () -> Rows.of(after, "SELECT cohort FROM crm.cohorts"));
        assertEquals("42P01", retired.getSQLState());
        assertTrue(retired.getMessage().contains("data product `crm.cohorts` version 1.0.0 is no longer served"),
            retired.getMessage());
        SQLException retiredBefore = assertThrows(SQLException.class, () -> Rows.of(before, "SELECT cohort FROM crm.cohorts"));
        assertEquals("42P01", retiredBefore.getSQLState());
      }
    }
  }

  /** The column labels of a query's result. */
  private static List<String> columns(String sql) throws SQLException {
    try (Statement statement = gateway.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        labels.add(meta.getColumnLabel(i));
      }
      return labels;
    }
  }
}
