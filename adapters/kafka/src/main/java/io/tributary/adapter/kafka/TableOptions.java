package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.adapter.spi.Sizes;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of one table's {@code options}, each failure naming the setting's path. */
final class TableOptions {
  private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");
  private static final Map<String, Duration> TIME_UNITS = Map.of(
      "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1), "h", Duration.ofHours(1), "d", Duration.ofDays(1));

  private final String domain;
  private final String path;
  private final Map<String, Object> options;

  TableOptions(String domain, String path, Map<String, Object> options) {
    this.domain = domain;
    this.path = path;
    this.options = options;
  }

  /** Fails on any option not in {@code known}, so a typo never silently falls back to a default. */
  void rejectUnknown(Set<String> known) {
    for (String key : options.keySet()) {
      if (!known.contains(key)) {
        throw invalid(key, "is not an option of kafka tables; expected one of " + known);
      }
    }
  }

  Optional<String> text(String key) {
    Object value = options.get(key);
    return value == null ? Optional.empty() : Optional.of(value.toString().trim());
  }

  /** An option as written: text, a number, a mapping or a list. */
  Optional<Object> value(String key) {
    return Optional.ofNullable(options.get(key));
  }

  /** A mapping option, in the order written. */
  Map<?, ?> mapping(String key, String expected) {
    Object value = options.get(key);
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      throw invalid(key, (value == null ? "is missing" : "is `" + value + "`") + "; expected " + expected);
    }
    return map;
  }

  long positive(String key, long fallback) {
    String value = text(key).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.replace("_", ""));
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the expectation
    }
    throw invalid(key, "is `" + value + "`; expected a positive whole number");
  }

  /** A size such as {@code 256MB}, {@code 1GB} or a number of bytes. */
  long bytes(String key, long fallback) {
    String value = text(key).orElse(null);
    if (value == null) {
      return fallback;
    }
    return Sizes.parse(value).orElseThrow(() -> invalid(key, "is `" + value + "`; expected a " + Sizes.EXPECTED));
  }

  /** A duration such as {@code 30m}, {@code 24h}, {@code 7d} or ISO-8601 {@code PT24H}. */
  Optional<Duration> duration(String key) {
    String value = text(key).orElse(null);
    if (value == null) {
      return Optional.empty();
    }
    Matcher m = AMOUNT.matcher(value);
    Duration unit = m.matches() ? TIME_UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
    try {
      Duration parsed = unit != null ? unit.multipliedBy(Long.parseLong(m.group(1))) : Duration.parse(value);
      if (!parsed.isNegative() && !parsed.isZero()) {
        return Optional.of(parsed);
      }
    } catch (DateTimeParseException ignored) {
      // reported below with the expectation
    }
    throw invalid(key, "is `" + value + "`; expected a positive duration such as 30m, 24h, 7d or PT24H");
  }

  InvalidDomainSettingsException invalid(String key, String problem) {
    return new InvalidDomainSettingsException(domain, path + "." + key, problem);
  }
}
