package io.tributary.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the gateway's resident set size and heap while a pull runs, keeping the peaks. */
final class PeakUsage {
  private static final long INTERVAL_MILLIS = 50;

  private final GatewayProcess gateway;
  private final AtomicLong residentPeak = new AtomicLong();
  private final AtomicLong heapPeak = new AtomicLong();
  private final AtomicLong liveHeapPeak = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  /** Starts sampling now. */
  PeakUsage(GatewayProcess gateway) {
    this.gateway = gateway;
    this.sampler = new Thread(this::sample, "gateway-memory-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  long residentPeak() {
    return residentPeak.get();
  }

  long heapPeak() {
    return heapPeak.get();
  }

  long liveHeapPeak() {
    return liveHeapPeak.get();
  }

  /** Stops sampling; the peaks are final after this. */
  void stop() throws InterruptedException {
    running = false;
    sampler.join();
  }

  private void sample() {
    try {
      while (running) {
        residentPeak.accumulateAndGet(gateway.residentBytes(), Math::max);
        heapPeak.accumulateAndGet(gateway.heapUsedBytes(), Math::max);
        liveHeapPeak.accumulateAndGet(gateway.heapAfterGcBytes(), Math::max);
        Thread.sleep(INTERVAL_MILLIS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gateway's memory from /proc", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
