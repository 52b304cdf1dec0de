package io.tributary.gateway.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sketch that counts an aggregate's groups: close to the truth at every size, in 4 KB. */
class DistinctCountTest {
  @Test
  void smallCountsAreNearlyExact() {
    DistinctCount count = new DistinctCount();
    for (int round = 0; round < 50; round++) {
      for (int value = 0; value < 100; value++) {
        count.add(value);
      }
    }
    assertEquals(100, count.estimate(), 2, "100 values seen 50 times each are 100 groups");
  }

  @Test
  void largeCountsAreWithinAFewPercent() {
    DistinctCount count = new DistinctCount();
    for (int value = 0; value < 2_000_000; value++) {
      count.add(Integer.hashCode(value) * 31L + 7);
    }
    long estimate = count.estimate();
    assertTrue(Math.abs(estimate - 2_000_000) < 2_000_000 * 0.05, "2M distinct keys estimated as " + estimate);
  }

  @Test
  void nothingSeenIsNoGroup() {
    assertEquals(0, new DistinctCount().estimate());
  }
}
