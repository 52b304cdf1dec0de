package io.tributary.gateway.dialect;

import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the gateway's answer to a statement with PostgreSQL's own, value by value: numbers by
 * value (a decimal rounded to the scale PostgreSQL printed, so fewer decimals than PostgreSQL's
 * fail), dates, times and text as printed, rows in order.
 */
public final class Answers {
  /** Relative difference allowed between two doubles: the last bits of a sum may differ. */
  private static final double DOUBLE_TOLERANCE = 1e-12;

  private Answers() {}

  /** Fails unless {@code gateway} answers {@code sql} as {@code reference} does. */
  public static void assertSame(Connection reference, Connection gateway, String sql) throws SQLException {
    List<List<Object>> expected = rows(reference, sql);
    List<List<Object>> actual = rows(gateway, sql);
    if (expected.isEmpty()) {
      fail("the reference answers no rows, which proves nothing: " + sql);
    }
    if (expected.size() != actual.size() || !sameRows(expected, actual)) {
      fail(sql + "\nPostgreSQL: " + expected + "\ngateway:    " + actual);
    }
  }

  public static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static boolean sameRows(List<List<Object>> expected, List<List<Object>> actual) {
    for (int r = 0; r < expected.size(); r++) {
      List<Object> e = expected.get(r);
      List<Object> a = actual.get(r);
      if (e.size() != a.size()) {
        return false;
      }
      for (int c = 0; c < e.size(); c++) {
        if (!sameValue(e.get(c), a.get(c))) {
          return false;
        }
      }
    }
    return true;
  }

  static boolean sameValue(Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      if (e instanceof Double || e instanceof Float || a instanceof Double || a instanceof Float) {
        double x = e.doubleValue();
        double y = a.doubleValue();
        return Math.abs(x - y) <= DOUBLE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
      }
      BigDecimal printed = new BigDecimal(e.toString());
      BigDecimal value = new BigDecimal(a.toString());
      return value.setScale(Math.max(printed.scale(), 0), RoundingMode.HALF_UP).compareTo(printed) == 0;
    }
    return expected.toString().equals(actual.toString());
  }
}
