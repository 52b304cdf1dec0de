package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.door.flight.ArrowClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure reaches the client as an SQL error with the SQLSTATE PostgreSQL users know and a
 * message without a stack trace or a planner dump, through both doors (the Tributary driver, and
 * the Arrow Flight SQL JDBC driver against the Flight door), and the door keeps answering.
 */
class FailureStatesTest {

  static Stream<Arguments> failures() {
    String deep = "SELECT " + "(".repeat(20_000) + "1" + ")".repeat(20_000);
    return Stream.of(
        Arguments.of("SELECT 1/0", "22012", "division by zero"),
        Arguments.of("SELECT x / (x - x) FROM pg.big WHERE x = 1", "22012", "division by zero"),
        Arguments.of("SELECT CAST('x' AS INTEGER)", "22P02", "invalid input syntax"),
        Arguments.of("", "42601", "empty"),
        Arguments.of("   ", "42601", "empty"),
        Arguments.of("SELECT FROM WHERE", "42601", "Syntax error"),
        Arguments.of("SELECT 1; SELECT 2", "42601", "Syntax error"),
        Arguments.of("SELECT * FROM pg.nothing_here", "42P01", "not published"),
        Arguments.of("DELETE FROM pg.words", "25006", "read-only"),
        Arguments.of("UPDATE pg.words SET word = 'x'", "25006", "read-only"),
        Arguments.of("INSERT INTO pg.words VALUES (3, 'three')", "25006", "read-only"),
        Arguments.of("CREATE TABLE pg.t (x INT)", "25006", "read-only"),
        Arguments.of("DROP TABLE pg.words", "25006", "read-only"),
        Arguments.of(deep, "54001", "nested too deeply"),
        // Read as a BigDecimal, a megabyte of digits would keep the gateway busy for many seconds.
        Arguments.of("SELECT " + "9".repeat(1 << 20), "22003", "longer than any numeric type"),
        // The message quotes the name, cut short, not a megabyte of it.
        Arguments.of("SELECT \"" + "y".repeat(1 << 20) + "\" FROM pg.words", "42601", "characters left out"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("failures")
  void theJdbcDoorAnswersWithTheSqlState(String sql, String sqlState, String saying) throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway())) {
      assertFailsWith(c, sql, sqlState, saying);
      assertEquals(List.of("1 | 7", "2 | seven"), Rows.of(c, "SELECT id, word FROM pg.words ORDER BY id"),
          "the same connection answers, and the store is unchanged");
      assertEquals(List.of("1 | one", "2 | two"), Rows.of(c, "SELECT id, word FROM my.words ORDER BY id"));
    }
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("failures")
  void theFlightDoorAnswersWithTheSameError(String sql, String sqlState, String saying) throws SQLException {
    try (Connection c = ArrowClient.jdbc(LifecycleMesh.gateway().flightPort())) {
      SQLException e = failure(c, sql);
      // The Arrow Flight SQL JDBC driver keeps the gateway's message but has no field for a SQLSTATE.
      assertTrue(e.getMessage().contains(saying), e.getMessage());
      assertEquals(List.of("2"), Rows.of(c, "SELECT count(*) FROM pg.words"), "the door answers");
    }
  }

  private static void assertFailsWith(Connection c, String sql, String sqlState, String saying) {
    SQLException e = failure(c, sql);
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(saying), e.getMessage());
    assertFalse(e.getMessage().contains("\tat ") || e.getMessage().contains("rowcount ="),
        "no stack trace or plan dump: " + e.getMessage());
    assertTrue(e.getMessage().length() < 600, "a message a person reads: " + e.getMessage());
  }

  private static SQLException failure(Connection c, String sql) {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("`" + sql + "` did not fail");
  }
}
