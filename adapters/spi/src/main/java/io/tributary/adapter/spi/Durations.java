package io.tributary.adapter.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them in configuration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO {@code PT30S}. */
public final class Durations {
  /** What a setting that takes a duration expects, for error messages. */
  public static final String EXPECTED = "duration such as 30s, 5m, 2h or PT30S";
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
  private static final Map<String, Duration> UNITS = Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
      "m", Duration.ofMinutes(1), "h", Duration.ofHours(1));

  private Durations() {}

  /** The duration {@code text} says, or empty if it says none. */
  public static Optional<Duration> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = AMOUNT_AND_UNIT.matcher(text.trim());
    if (m.matches()) {
      return Optional.of(UNITS.get(m.group(2)).multipliedBy(Long.parseLong(m.group(1))));
    }
    try {
      return Optional.of(Duration.parse(text.trim()));
    } catch (DateTimeParseException notIso) {
      return Optional.empty();
    }
  }
}
