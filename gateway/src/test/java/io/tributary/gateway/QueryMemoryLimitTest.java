package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.door.flight.ArrowClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code limits.maxQueryMemory} bounds what one query keeps in the gateway: build sides of hash
 * joins, sorts, aggregate groups, windows and duplicate-removing set operations. A query past it
 * fails with 53200 naming the setting and what held the rows, through both doors; queries that
 * stream, keep a few groups, or keep only a top-N run; the session and the stores go on.
 */
class QueryMemoryLimitTest {
  /** Rows joined by {@code pg.big} (1..200000) and {@code my.big} (1..50000) on {@code x}. */
  private static final String JOINED = "FROM pg.big p JOIN my.big m ON p.x = m.x";

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      SELECT p.x, m.x %s ORDER BY p.x + m.x                                              | a sort
      SELECT count(*) FROM pg.big WHERE x IN (SELECT x FROM my.big)                       | the build side of a hash join
      SELECT x, count(*) FROM (SELECT x FROM pg.big UNION ALL SELECT x FROM my.big) u GROUP BY x | the groups of an aggregate
      SELECT x, row_number() OVER (ORDER BY x) FROM (SELECT x FROM pg.big UNION ALL SELECT x FROM my.big) u | a window function
      SELECT x FROM pg.big UNION SELECT x FROM my.big                                     | a UNION
      """)
  void aQueryHoldingMoreThanTheLimitFailsAloneNamingIt(String sql, String holder) throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.frugal())) {
      SQLException e = failure(c, sql.formatted(JOINED));

      assertEquals("53200", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("limits.maxQueryMemory") && e.getMessage().contains("2.0 MB")
          && e.getMessage().contains(holder), e.getMessage());
      assertEquals(List.of("2"), Rows.of(c, "SELECT count(*) FROM pg.words"), "the session goes on");
    }
    assertEquals(0, LifecycleMesh.postgresIdleInTransaction(), "every store statement ended with the query");
  }

  @Test
  void streamingOperatorsAndTopNHoldNothingWhateverTheirRows() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.frugal())) {
      assertEquals(List.of("50000"), Rows.of(c, "SELECT count(*) " + JOINED), "a merge join of sorted store reads");
      assertEquals(List.of("1 | 1", "2 | 2", "3 | 3"), Rows.of(c, "SELECT p.x, m.x " + JOINED + " ORDER BY p.x + m.x LIMIT 3"),
          "a top-N keeps its three rows, not the 50000 it sorts");
      assertEquals(250_000, count(c, "SELECT x FROM pg.big UNION ALL SELECT x FROM my.big"), "rows read out as they come");
    }
  }

  @Test
  void anAggregateIsChargedForItsGroupsNotItsRows() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.frugal())) {
      List<String> perResidue = Rows.of(c, "SELECT x % 10, count(*) FROM (SELECT x FROM pg.big UNION ALL"
          + " SELECT x FROM my.big) u GROUP BY x % 10 ORDER BY 1");

      assertEquals(IntStream.range(0, 10).mapToObj(r -> r + " | 25000").toList(), perResidue);
    }
  }

  @Test
  void aSmallBuildSideFitsUnderTheLimit() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.frugal())) {
      assertEquals(List.of("1 | one", "2 | two"),
          Rows.of(c, "SELECT p.x, w.word FROM pg.big p JOIN my.words w ON p.x = w.id ORDER BY p.x"));
    }
  }

  @Test
  void theSameSortRunsUnderTheDefaultLimit() throws SQLException {
    try (Connection c = TestGateways.connect(LifecycleMesh.gateway())) {
      assertEquals(50_000, count(c, "SELECT p.x, m.x " + JOINED + " ORDER BY p.x + m.x"));
    }
  }

  @Test
  void theFlightDoorGivesTheSameError() throws SQLException {
    try (Connection c = ArrowClient.jdbc(LifecycleMesh.frugal().flightPort())) {
      SQLException e = failure(c, "SELECT p.x, m.x " + JOINED + " ORDER BY p.x + m.x");

      assertTrue(e.getMessage().contains("limits.maxQueryMemory") && e.getMessage().contains("a sort"), e.getMessage());
      assertEquals(List.of("2"), Rows.of(c, "SELECT count(*) FROM pg.words"), "the door answers");
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      long rows = 0;
      while (rs.next()) {
        rows++;
      }
      return rows;
    }
  }

  private static SQLException failure(Connection c, String sql) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        // read every row: the limit is reached while the operators fill
      }
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("`" + sql + "` did not fail");
  }
}
