package io.tributary.adapter.spi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them in configuration: {@code 500KB}, {@code 64MB}, {@code 1GB}, or a number of bytes. */
public final class Sizes {
  /** What a setting that takes a size expects, for error messages. */
  public static final String EXPECTED = "positive size such as 64MB, 1GB or 500KB";
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,12})\\s*([a-zA-Z]*)");
  private static final Map<String, Long> UNITS =
      Map.of("", 1L, "b", 1L, "kb", 1L << 10, "mb", 1L << 20, "gb", 1L << 30, "tb", 1L << 40);

  private Sizes() {}

  /** The positive number of bytes {@code text} says, or empty if it says none. */
  public static Optional<Long> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = AMOUNT_AND_UNIT.matcher(text.trim());
    Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
    if (unit == null || Long.parseLong(m.group(1)) == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }
}
