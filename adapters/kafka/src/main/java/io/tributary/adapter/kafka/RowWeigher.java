package io.tributary.adapter.kafka;

import java.math.BigDecimal;

/**
 * Estimated heap bytes of a held row, for the tables' memory bounds: the row array and its
 * values, on a 64-bit JVM with compressed references and compact strings. An estimate by design:
 * exact sizes would need instrumentation on every record. The bench's memory figure (heap per
 * million rows) checks it against the real heap.
 */
final class RowWeigher {
  /** A hash map node and its share of the table, for rows held by key. */
  static final int PER_KEY_OVERHEAD = 48;
  /** A slot in a deque, for rows held in arrival order. */
  static final int PER_EVENT_OVERHEAD = 8;

  private RowWeigher() {}

  static long weigh(Object[] row) {
    long bytes = align(16 + 4L * row.length);
    for (Object value : row) {
      bytes += weighValue(value);
    }
    return bytes;
  }

  private static long weighValue(Object value) {
    if (value == null || value instanceof Boolean) {
      return 0; // null, or a shared constant
    }
    if (value instanceof String s) {
      return 24 + align(16 + s.length());
    }
    if (value instanceof Integer) {
      return 16;
    }
    if (value instanceof BigDecimal d) {
      return 40 + align(16 + d.unscaledValue().bitLength() / 8 + 8) + 40;
    }
    return 24; // Long, Double
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
