package io.tributary.gateway.engine;

import io.tributary.gateway.engine.dialect.SqlText;

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
      int skipped = SqlText.skipNonCode(sql, i);
      char c = sql.charAt(i);
      if (skipped > i) {
        i = skipped;
      } else if (SqlText.wordEnd(sql, i) > i && !Character.isDigit(c)) {
        i = SqlText.wordEnd(sql, i); // a name may hold digits: t1000000
      } else if (c >= '0' && c <= '9') {
        int start = i;
        while (i < sql.length() && sql.charAt(i) >= '0' && sql.charAt(i) <= '9') {
          i++;
        }
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
}
