package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until a condition holds or a deadline passes: tests of asynchronous state never sleep blindly. */
public final class Eventually {
  private static final long POLL_MILLIS = 50;

  private Eventually() {}

  /** The first value of {@code probe} that satisfies {@code done}; fails with the last value seen after {@code within}. */
  public static <T> T until(Duration within, Callable<T> probe, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    T last = probe.call();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        fail("condition not met within " + within.toMillis() + " ms; last value: " + last);
      }
      Thread.sleep(POLL_MILLIS);
      last = probe.call();
    }
    return last;
  }
}
