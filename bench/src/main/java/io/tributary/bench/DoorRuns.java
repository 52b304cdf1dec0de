package io.tributary.bench;

import java.util.Arrays;

/** The timed pulls through one door, with the gateway's memory and written bytes during each. */
final class DoorRuns {
  private final String name;
  private final Pull pull;
  private final Latencies times;
  private final long[] wireBytes;
  private int measured;
  private long residentPeak;
  private long heapPeak;
  private long liveHeapPeak;
  private FlightPullBenchmark.Pulled last;

  DoorRuns(String name, Pull pull, int rounds) {
    this.name = name;
    this.pull = pull;
    this.times = new Latencies(rounds);
    this.wireBytes = new long[rounds];
  }

  /** An unmeasured pull, to warm up the JIT and the stores' caches. */
  void pull() throws Exception {
    last = pull.run();
  }

  void measure(GatewayProcess gateway) throws Exception {
    long writtenBefore = gateway.writtenBytes();
    PeakUsage usage = new PeakUsage(gateway);
    try {
      long start = System.nanoTime();
      last = pull.run();
      times.add(System.nanoTime() - start);
    } finally {
      usage.stop();
    }
    residentPeak = Math.max(residentPeak, usage.residentPeak());
    heapPeak = Math.max(heapPeak, usage.heapPeak());
    liveHeapPeak = Math.max(liveHeapPeak, usage.liveHeapPeak());
    wireBytes[measured++] = gateway.writtenBytes() - writtenBefore;
  }

  String name() {
    return name;
  }

  FlightPullBenchmark.Pulled lastPull() {
    return last;
  }

  double medianSeconds() {
    return times.quantileMicros(0.5) / 1e6;
  }

  long medianWireBytes() {
    long[] sorted = Arrays.copyOf(wireBytes, measured);
    Arrays.sort(sorted);
    return sorted[measured / 2];
  }

  long residentPeak() {
    return residentPeak;
  }

  long heapPeak() {
    return heapPeak;
  }

  long liveHeapPeak() {
    return liveHeapPeak;
  }

  /** One complete pull of the result. */
  @FunctionalInterface
  interface Pull {
    FlightPullBenchmark.Pulled run() throws Exception;
  }
}
