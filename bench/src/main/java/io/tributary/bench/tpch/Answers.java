package io.tributary.bench.tpch;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Whether the gateway's answer equals PostgreSQL's, value by value.
 *
 * <ul>
 *   <li>Exact numbers (integers, decimals) must agree to the scale PostgreSQL prints: the gateway's
 *       value rounded half-up to that many decimals equals PostgreSQL's ({@code 25.54} is not
 *       {@code 25.5376}; {@code 25.53760000} is). Integers and decimals compare by value.
 *   <li>When either side is floating point, the two may differ by one unit in the 15th significant
 *       digit, the last one a {@code double} always carries.
 *   <li>Other values compare by their text ({@code 1995-03-15}); strings exactly, padding included.
 *   <li>Rows must come in the order of the query's {@code ORDER BY} columns; rows that tie on them,
 *       and the rows of a query without {@code ORDER BY}, may come in any order.
 * </ul>
 * Column names are not compared: the gateway may name {@code sum(l_quantity)} differently.
 */
final class Answers {
  private static final int FLOATING_DIGITS = 15;
  private static final MathContext SORTING = new MathContext(12);

  private Answers() {}

  /** The first difference, said so a reader can find it, or empty when the answers are equal. */
  static Optional<String> firstDifference(ResultTable actual, ResultTable expected, List<String> orderBy) {
    if (actual.labels().size() != expected.labels().size()) {
      return Optional.of(actual.labels().size() + " columns where PostgreSQL has " + expected.labels().size());
    }
    if (actual.rows().size() != expected.rows().size()) {
      return Optional.of(actual.rows().size() + " rows where PostgreSQL has " + expected.rows().size());
    }
    List<Integer> keys = orderBy.stream().map(column -> indexOf(expected.labels(), column)).toList();
    List<Integer> allColumns = IntStream.range(0, expected.labels().size()).boxed().toList();
    List<List<Object>> actualRows = actual.rows();
    List<List<Object>> expectedRows = expected.rows();
    int groupStart = 0;
    for (int row = 0; row < expectedRows.size(); row++) {
      Optional<String> outOfOrder = difference(expected, row, actualRows.get(row), expectedRows.get(row), keys);
      if (outOfOrder.isPresent()) {
        return outOfOrder;
      }
      if (row + 1 == expectedRows.size()
          || difference(expected, row, expectedRows.get(row + 1), expectedRows.get(groupStart), keys).isPresent()) {
        // Rows that tie on the ORDER BY columns may come in any order: compare them as multisets.
        List<List<Object>> actualGroup = sorted(actualRows.subList(groupStart, row + 1));
        List<List<Object>> expectedGroup = sorted(expectedRows.subList(groupStart, row + 1));
        for (int i = 0; i < expectedGroup.size(); i++) {
          Optional<String> wrong = difference(expected, groupStart + i, actualGroup.get(i), expectedGroup.get(i), allColumns);
          if (wrong.isPresent()) {
            return wrong;
          }
        }
        groupStart = row + 1;
      }
    }
    return Optional.empty();
  }

  /** The first of {@code columns} where the rows differ. */
  private static Optional<String> difference(ResultTable expected, int row, List<Object> actualRow,
      List<Object> expectedRow, List<Integer> columns) {
    for (int column : columns) {
      if (!same(actualRow.get(column), expectedRow.get(column))) {
        return Optional.of(String.format(Locale.ROOT, "row %d, %s: %s where PostgreSQL has %s (gateway row %s)",
            row + 1, expected.labels().get(column), describe(actualRow.get(column)), describe(expectedRow.get(column)),
            show(actualRow)));
      }
    }
    return Optional.empty();
  }

  static boolean same(Object actual, Object expected) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    if (actual instanceof Number a && expected instanceof Number e && isFinite(a) && isFinite(e)) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(e);
      if (isFloating(a) || isFloating(e)) {
        BigDecimal larger = x.abs().max(y.abs());
        return larger.signum() == 0
            || x.subtract(y).abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(exponent(larger) - FLOATING_DIGITS + 1)) <= 0;
      }
      return x.setScale(Math.max(0, y.scale()), RoundingMode.HALF_UP).compareTo(y) == 0;
    }
    return actual.toString().equals(expected.toString());
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(Answers::sortKey));
    return copy;
  }

  /** Close numbers sort alike, so that rows pair up despite floating-point noise. */
  private static String sortKey(List<Object> row) {
    return row.stream()
        .map(value -> value instanceof Number n && isFinite(n) ? decimal(n).round(SORTING).stripTrailingZeros().toPlainString()
            : String.valueOf(value))
        .collect(Collectors.joining("\u0001"));
  }

  private static int indexOf(List<String> labels, String column) {
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("ORDER BY column " + column + " is not among the output columns " + labels);
  }

  private static boolean isFloating(Number n) {
    return n instanceof Double || n instanceof Float;
  }

  /** NaN and infinities have no decimal value; they compare by their text. */
  private static boolean isFinite(Number n) {
    return !isFloating(n) || Double.isFinite(n.doubleValue());
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return isFloating(n) ? new BigDecimal(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
  }

  /** The power of ten of the leading digit. */
  private static int exponent(BigDecimal nonZero) {
    return nonZero.precision() - nonZero.scale() - 1;
  }

  /** A value with its kind when that decides how it compares: a decimal's scale, or floating point. */
  private static String describe(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString() + " (decimal, scale " + d.scale() + ")";
    }
    return value instanceof Number n && isFloating(n) ? n + " (floating point)" : show(value);
  }

  private static String show(Object value) {
    if (value instanceof List<?> row) {
      return row.stream().map(Answers::show).collect(Collectors.joining(", ", "(", ")"));
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }
}
