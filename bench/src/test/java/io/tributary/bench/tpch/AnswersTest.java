package io.tributary.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswersTest {

  @Test
  void decimalsMustAgreeToTheScalePostgresqlPrints() {
    assertFalse(Answers.same(new BigDecimal("25.54"), new BigDecimal("25.5376")));
    assertTrue(Answers.same(new BigDecimal("25.53760000"), new BigDecimal("25.5376")));
    assertTrue(Answers.same(new BigDecimal("25.53764"), new BigDecimal("25.5376")));
    assertFalse(Answers.same(new BigDecimal("15.48654581228407"), new BigDecimal("15.4865458122840715")));
  }

  @Test
  void integersAndDecimalsCompareByValue() {
    assertTrue(Answers.same(14876L, new BigDecimal("14876")));
    assertTrue(Answers.same(new BigDecimal("1995"), 1995));
    assertFalse(Answers.same(14877L, 14876L));
  }

  @Test
  void floatingValuesMayDifferInTheLastDigitADoubleCarries() {
    assertTrue(Answers.same(15.486545812284071, new BigDecimal("15.4865458122840715")));
    assertTrue(Answers.same(526165934.000839, new BigDecimal("526165934.000839")));
    assertFalse(Answers.same(15.4865458122, new BigDecimal("15.4865458122840715")));
  }

  @Test
  void stringsCompareExactlyAndDatesByTheirText() {
    assertFalse(Answers.same("FRANCE ", "FRANCE"));
    assertTrue(Answers.same(Date.valueOf("1995-03-15"), Date.valueOf("1995-03-15")));
    assertTrue(Answers.same(null, null));
    assertFalse(Answers.same(null, 0));
  }

  @Test
  void rowsMustFollowTheOrderByColumns() {
    ResultTable expected = table(row("a", 1), row("b", 2));
    ResultTable reversed = table(row("b", 2), row("a", 1));
    assertEquals(Optional.of("row 1, name: 'b' where PostgreSQL has 'a' (gateway row ('b', 2))"),
        Answers.firstDifference(reversed, expected, List.of("name")));
    assertEquals(Optional.empty(), Answers.firstDifference(reversed, expected, List.of()));
  }

  @Test
  void rowsThatTieOnTheOrderByColumnsMayComeInAnyOrder() {
    ResultTable expected = table(row("a", 1), row("a", 2), row("b", 3));
    assertEquals(Optional.empty(),
        Answers.firstDifference(table(row("a", 2), row("a", 1), row("b", 3)), expected, List.of("name")));
    assertTrue(Answers.firstDifference(table(row("a", 2), row("a", 4), row("b", 3)), expected, List.of("name"))
        .orElseThrow().startsWith("row 1, total: 2 where PostgreSQL has 1"));
  }

  @Test
  void aDifferenceInADecimalShowsBothScales() {
    assertEquals(Optional.of("row 1, total: 25.54 (decimal, scale 2) where PostgreSQL has 25.5376 (decimal, scale 4)"
            + " (gateway row ('a', 25.54))"),
        Answers.firstDifference(table(row("a", new BigDecimal("25.54"))), table(row("a", new BigDecimal("25.5376"))),
            List.of()));
  }

  @Test
  void missingRowsAndColumnsAreReportedFirst() {
    ResultTable expected = table(row("a", 1), row("b", 2));
    assertEquals(Optional.of("1 rows where PostgreSQL has 2"),
        Answers.firstDifference(table(row("a", 1)), expected, List.of("name")));
    assertEquals(Optional.of("1 columns where PostgreSQL has 2"),
        Answers.firstDifference(new ResultTable(List.of("name"), List.of()), expected, List.of()));
  }

  private static ResultTable table(List<Object>... rows) {
    return new ResultTable(List.of("name", "total"), Arrays.asList(rows));
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
