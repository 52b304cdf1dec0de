package io.tributary.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import io.tributary.adapter.spi.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Reads durations in YAML as {@link Durations} does: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, or ISO {@code PT30S}. */
final class DurationText extends StdScalarDeserializer<Duration> {
  private static final long serialVersionUID = 1L;
  static final String EXPECTED = Durations.EXPECTED;

  DurationText() {
    super(Duration.class);
  }

  @Override
  public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String text = parser.getValueAsString();
    Optional<Duration> duration = Durations.parse(text);
    if (duration.isPresent()) {
      return duration.get();
    }
    return (Duration) context.handleWeirdStringValue(Duration.class, String.valueOf(text), "expected a " + EXPECTED);
  }
}
