package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.gateway.HostileMesh.Domain;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names reach every store as names: a table and columns whose names hold quotes, backticks,
 * comment markers, semicolons and non-ASCII letters, published through the configuration (the
 * table's {@code source}), read through a data product's contract ({@code physicalName}s) and
 * written by users in their SQL, are quoted for each store's dialect and select what they name.
 */
class HostileNamesTest {
  private static Connection gateway;

  @BeforeAll
  static void connect() throws SQLException {
    HostileMesh mesh = HostileMesh.get();
    for (Domain domain : HostileMesh.DOMAINS) {
      List<String> columns = domain.family().columns();
      ContractColumn[] promised = IntStream.range(0, columns.size())
          .mapToObj(i -> column("c" + i, columns.get(i), SqlTypeName.VARCHAR, 20, -1, false))
          .toArray(ContractColumn[]::new);
      mesh.gateway().engine().products().publish(contract(domain.name(), "odd", "1.0.0", Access.PUBLIC,
          table("odd", domain.family().table(), promised)));
    }
    mesh.gateway().engine().contracts().checkNow();
    gateway = mesh.connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void columnsNamedWithQuotesAndCommentsAreReadAndFilteredInsideTheStore(Domain domain) throws SQLException {
    List<String> columns = domain.family().columns();
    String select = columns.stream().map(HostileNamesTest::sqlName).collect(Collectors.joining(", "));
    String sql = "SELECT " + select + " FROM " + domain + ".weird WHERE " + sqlName(columns.get(1)) + " = "
        + literal(HostileMesh.weirdValue(2, 1));

    try (PushedDownSql sent = new PushedDownSql()) {
      assertEquals(List.of(row(2, columns.size())), Rows.of(gateway, sql));

      String statement = sent.to(domain.storeTable(domain.family().table().replace("\"", "\"\"").replace("`", "``")));
      for (String column : columns) {
        assertTrue(statement.contains(storeName(domain, column)), column + " is quoted for the store: " + statement);
      }
      assertTrue(statement.contains("WHERE"), statement);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void aContractMappingOntoHostileNamesServesThemUnderItsOwn(Domain domain) throws SQLException {
    List<String> columns = domain.family().columns();
    String select = IntStream.range(0, columns.size()).mapToObj(i -> "c" + i).collect(Collectors.joining(", "));

    List<String> rows = Rows.of(gateway, "SELECT " + select + " FROM " + domain + ".odd WHERE c0 = "
        + literal(HostileMesh.weirdValue(1, 0)));

    assertEquals(List.of(row(1, columns.size())), rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void aliasesAndSortKeysWithHostileNamesAnswerAsWritten(Domain domain) throws SQLException {
    String sql = "SELECT id AS \"x\"\"; DROP TABLE notes; --\", " + sqlName(domain.family().columns().get(0))
        + " AS \"`y`\" FROM " + domain + ".weird ORDER BY \"x\"\"; DROP TABLE notes; --\" DESC";

    try (var statement = gateway.prepareStatement(sql); var rs = statement.executeQuery()) {
      assertEquals("x\"; DROP TABLE notes; --", rs.getMetaData().getColumnLabel(1));
      assertEquals("`y`", rs.getMetaData().getColumnLabel(2));
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      assertEquals(List.of("2", "1"), ids);
    }
  }

  /** The row of the hostile table with id {@code id}, as {@link Rows} prints it (without the id). */
  private static String row(int id, int columns) {
    return IntStream.range(0, columns).mapToObj(i -> HostileMesh.weirdValue(id, i)).collect(Collectors.joining(" | "));
  }

  /** A name as a user writes it in the gateway's SQL: double-quoted, quotes doubled. */
  private static String sqlName(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A name as the store's dialect must write it. */
  private static String storeName(Domain domain, String name) {
    String quote = domain.family().quote();
    return quote + name.replace(quote, quote + quote) + quote;
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
