package io.tributary.gateway.engine;

import java.time.Duration;

/** Durations as messages say them: {@code 250 ms}, {@code 30 s}, {@code 10 min}, {@code 2 h}. */
final class DurationWords {
  private DurationWords() {}

  static String of(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + " h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    return millis % 1_000 == 0 ? millis / 1_000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
