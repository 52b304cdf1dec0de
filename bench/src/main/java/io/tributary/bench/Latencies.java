package io.tributary.bench;

import java.util.Arrays;

/** Latency samples of one operation, in nanoseconds, and their order statistics. */
public final class Latencies {
  private final long[] samples;
  private int size;

  public Latencies(int capacity) {
    samples = new long[capacity];
  }

  public void add(long nanos) {
    samples[size++] = nanos;
  }

  /** The q-quantile (0.5 = median) in microseconds. */
  public double quantileMicros(double q) {
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    return sorted[Math.min(size - 1, (int) Math.floor(q * size))] / 1_000.0;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  String summary() {
    return String.format("median %8.1f µs   p90 %8.1f µs   p99 %8.1f µs   (n=%d)",
        quantileMicros(0.5), quantileMicros(0.9), quantileMicros(0.99), size);
  }
}
