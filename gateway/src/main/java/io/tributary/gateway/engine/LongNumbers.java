package io.tributary.gateway.engine;

/**
 * Refuses a statement holding a number too long for any SQL type before Calcite reads it: the
 * parser turns every numeric literal into a {@link java.math.BigDecimal}, which takes time
 * quadratic in its digits (a one-megabyte number keeps a core busy for 15 s, past any time-out,
 * which cannot interrupt it). Digits inside quotes and comments are text and pass.
 */
final class LongNumbers {
  /** Far beyond the precision of every numeric type the gateway or its stores offer, and read in microseconds. */
  static final int MAX_DIGITS = 1_000;

  private LongNumbers() {}

  static void refuse(String sql) throws QueryException {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(sql, i, c);
      } else if (sql.startsWith("--", i)) {
        i = end(sql.indexOf('\n', i), sql);
      } else if (sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        i = close < 0 ? sql.length() : close + 2;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        i = wordEnd(sql, i);
      } else if (c >= '0' && c <= '9') {
        int start = i;
        i = digitsEnd(sql, i);
        if (i - start > MAX_DIGITS) {
          throw new QueryException("a number of " + (i - start) + " digits at character " + (start + 1)
              + " is longer than any numeric type (the gateway reads at most " + MAX_DIGITS + " digits); write a"
              + " smaller number, or the value as text", QueryException.NUMERIC_OUT_OF_RANGE, null);
        }
      } else {
        i++;
      }
    }
  }

  /** Past the quote that closes the one at {@code open}; a doubled quote is part of the text. */
  private static int closing(String sql, int open, char quote) {
    int i = open + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return i;
  }

  private static int wordEnd(String sql, int i) {
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
      i++;
    }
    return i;
  }

  private static int digitsEnd(String sql, int i) {
    while (i < sql.length() && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static int end(int index, String sql) {
    return index < 0 ? sql.length() : index;
  }
}
