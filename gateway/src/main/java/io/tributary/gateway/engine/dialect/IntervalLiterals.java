package io.tributary.gateway.engine.dialect;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's interval literals with the unit inside the string ({@code interval '3 days'},
 * {@code interval '1 year 2 months'}), which Calcite's parser does not read, written as standard
 * SQL's ({@code INTERVAL '3' DAY}) before parsing. Only the SQL outside strings, quoted names and
 * comments is looked at, and a literal that already has its unit after the string is left as it is.
 */
final class IntervalLiterals {
  /** The units after the string that make a literal standard SQL already. */
  private static final Set<String> STANDARD_UNITS = Set.of("YEAR", "YEARS", "QUARTER", "QUARTERS", "MONTH",
      "MONTHS", "WEEK", "WEEKS", "DAY", "DAYS", "HOUR", "HOURS", "MINUTE", "MINUTES", "SECOND", "SECONDS");
  private static final Pattern PART = Pattern.compile("\\s*([+-]?\\d+)\\s*([a-z]+)\\s*");
  /** PostgreSQL's unit names and abbreviations, and what each is in days, seconds or months. */
  private static final Map<String, Unit> UNITS = Map.ofEntries(
      Map.entry("year", Unit.YEAR), Map.entry("years", Unit.YEAR), Map.entry("yr", Unit.YEAR),
      Map.entry("yrs", Unit.YEAR), Map.entry("y", Unit.YEAR),
      Map.entry("month", Unit.MONTH), Map.entry("months", Unit.MONTH), Map.entry("mon", Unit.MONTH),
      Map.entry("mons", Unit.MONTH),
      Map.entry("week", Unit.WEEK), Map.entry("weeks", Unit.WEEK), Map.entry("w", Unit.WEEK),
      Map.entry("day", Unit.DAY), Map.entry("days", Unit.DAY), Map.entry("d", Unit.DAY),
      Map.entry("hour", Unit.HOUR), Map.entry("hours", Unit.HOUR), Map.entry("hr", Unit.HOUR),
      Map.entry("hrs", Unit.HOUR), Map.entry("h", Unit.HOUR),
      Map.entry("minute", Unit.MINUTE), Map.entry("minutes", Unit.MINUTE), Map.entry("min", Unit.MINUTE),
      Map.entry("mins", Unit.MINUTE), Map.entry("m", Unit.MINUTE),
      Map.entry("second", Unit.SECOND), Map.entry("seconds", Unit.SECOND), Map.entry("sec", Unit.SECOND),
      Map.entry("secs", Unit.SECOND), Map.entry("s", Unit.SECOND));

  private enum Unit {
    YEAR(12, true), MONTH(1, true), WEEK(7 * 86_400, false), DAY(86_400, false), HOUR(3_600, false),
    MINUTE(60, false), SECOND(1, false);

    /** Months for a year-month unit, seconds for a day-time one. */
    final long size;
    final boolean yearMonth;

    Unit(long size, boolean yearMonth) {
      this.size = size;
      this.yearMonth = yearMonth;
    }
  }

  private IntervalLiterals() {}

  /** {@code sql} with each PostgreSQL-style interval literal written as standard SQL. */
  static String standard(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int skipped = SqlText.skipNonCode(sql, i);
      if (skipped > i) {
        out.append(sql, i, skipped);
        i = skipped;
        continue;
      }
      char c = sql.charAt(i);
      if (!Character.isLetter(c) || i > 0 && SqlText.isWordChar(sql.charAt(i - 1))) {
        out.append(c);
        i++;
        continue;
      }
      int end = SqlText.wordEnd(sql, i);
      out.append(sql, i, end);
      int literalEnd = sql.substring(i, end).equalsIgnoreCase("interval") ? rewriteLiteral(sql, end, out) : -1;
      i = literalEnd > 0 ? literalEnd : end;
    }
    return out.toString();
  }

  /**
   * If a PostgreSQL-style literal follows the keyword (which {@code out} ends with), appends its
   * standard form and returns where it ends; otherwise appends nothing and returns -1.
   */
  private static int rewriteLiteral(String sql, int afterKeyword, StringBuilder out) {
    int start = SqlText.skipBlank(sql, afterKeyword);
    if (start >= sql.length() || sql.charAt(start) != '\'') {
      return -1;
    }
    int end = SqlText.skipNonCode(sql, start);
    if (sql.charAt(end - 1) != '\'' || end - start < 2) {
      return -1; // not closed: the parser says so
    }
    int next = SqlText.skipBlank(sql, end);
    String following = sql.substring(next, SqlText.wordEnd(sql, next)).toUpperCase(Locale.ROOT);
    if (STANDARD_UNITS.contains(following)) {
      return -1;
    }
    Optional<String> standard = standardLiteral(sql.substring(start + 1, end - 1).replace("''", "'"));
    if (standard.isEmpty()) {
      return -1;
    }
    out.append(' ').append(standard.get());
    return end;
  }

  /** {@code '3 days'} as {@code '3' DAY}, {@code '1 day 2 hours'} as {@code '1 02:00:00' DAY TO SECOND}. */
  private static Optional<String> standardLiteral(String text) {
    Matcher part = PART.matcher(text.toLowerCase(Locale.ROOT));
    long months = 0;
    long seconds = 0;
    int parts = 0;
    Unit only = null;
    int at = 0;
    while (part.find() && part.start() == at) {
      Unit unit = UNITS.get(part.group(2));
      if (unit == null) {
        return Optional.empty();
      }
      long amount = Long.parseLong(part.group(1)) * unit.size;
      if (unit.yearMonth) {
        months += amount;
      } else {
        seconds += amount;
      }
      only = parts++ == 0 ? unit : null;
      at = part.end();
    }
    if (parts == 0 || at != text.length() || months != 0 && seconds != 0) {
      return Optional.empty(); // not PostgreSQL's form, or years and days together, which no SQL interval holds
    }
    if (only != null && only != Unit.WEEK) {
      long amount = only.yearMonth ? months / only.size : seconds / only.size;
      return Optional.of("'" + amount + "' " + only.name());
    }
    if (months != 0) {
      return Optional.of("'" + months + "' MONTH");
    }
    String sign = seconds < 0 ? "-" : "";
    long s = Math.abs(seconds);
    return Optional.of(String.format(Locale.ROOT, "'%s%d %02d:%02d:%02d' DAY TO SECOND", sign, s / 86_400,
        s % 86_400 / 3_600, s % 3_600 / 60, s % 60));
  }
}
