package io.tributary.bench.tpch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How one TPC-H run is made.
 *
 * @param scale the TPC-H scale factor (1 = about 1 GB of text, 6 million line items)
 * @param repetitions timed executions of each query on each side, alternating
 * @param warmUps untimed executions of each query on each side before the timed ones
 * @param timeout how long one execution may take before it is reported as {@code timeout}
 * @param profile whether to also measure planning time and rows read by each store (slower:
 *     PostgreSQL's counters need a few seconds to settle after each query)
 * @param gatewayHeap {@code -Xmx} of the gateway's JVM
 * @param outputDir where {@code tpch-sf<scale>.md} and {@code .csv} are written
 */
public record BenchSettings(BigDecimal scale, int repetitions, int warmUps, Duration timeout, boolean profile,
    String gatewayHeap, Path outputDir) {

  public BenchSettings {
    if (scale.signum() <= 0) {
      throw new IllegalArgumentException("tpch.scale must be positive, is " + scale);
    }
    if (repetitions < 1 || warmUps < 0) {
      throw new IllegalArgumentException("tpch.repetitions must be at least 1 and tpch.warmUps at least 0, are "
          + repetitions + " and " + warmUps);
    }
  }

  /**
   * From system properties {@code tpch.scale} (default 0.1), {@code tpch.repetitions} (3),
   * {@code tpch.warmUps} (1), {@code tpch.timeoutSeconds} (120), {@code tpch.profile} (true),
   * {@code tpch.gatewayHeap} (4g) and {@code tpch.outputDir} (target).
   */
  public static BenchSettings fromSystemProperties() {
    return new BenchSettings(
        new BigDecimal(property("scale", "0.1")),
        Integer.parseInt(property("repetitions", "3")),
        Integer.parseInt(property("warmUps", "1")),
        Duration.ofSeconds(Long.parseLong(property("timeoutSeconds", "120"))),
        Boolean.parseBoolean(property("profile", "true")),
        property("gatewayHeap", "4g"),
        Path.of(property("outputDir", "target")));
  }

  /** The scale as it appears in names: {@code 0.01} → {@code 0_01}, {@code 1} → {@code 1}. */
  String scaleName() {
    return scale.stripTrailingZeros().toPlainString().replace('.', '_');
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty("tpch." + name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
