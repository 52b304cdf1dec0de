package io.tributary.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as people write them in YAML: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO {@code PT30S}. */
final class DurationText extends StdScalarDeserializer<Duration> {
  private static final long serialVersionUID = 1L;
  static final String EXPECTED = "duration such as 30s, 5m, 2h or PT30S";
  private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
  private static final Map<String, Duration> UNITS = Map.of("ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1),
      "m", Duration.ofMinutes(1), "h", Duration.ofHours(1));

  DurationText() {
    super(Duration.class);
  }

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = parser.getValueAsString();
    if (text != null) {
      Matcher m = AMOUNT_AND_UNIT.matcher(text.trim());
      if (m.matches()) {
        return UNITS.get(m.group(2)).multipliedBy(Long.parseLong(m.group(1)));
      }
      try {
        return Duration.parse(text.trim());
      } catch (DateTimeParseException notIso) {
        // reported below with the expectation
      }
    }
    return (Duration) context.handleWeirdStringValue(Duration.class, String.valueOf(text), "expected a " + EXPECTED);
  }
}
