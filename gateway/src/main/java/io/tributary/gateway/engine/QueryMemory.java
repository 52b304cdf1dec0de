package io.tributary.gateway.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one query holds in the gateway, as the operators that keep rows report it ({@link HeldRows}):
 * hash-join build sides, sorts, aggregate groups, windows and set operations. Past
 * {@code limits.maxQueryMemory} the query fails with 53200, alone. Each operator of a plan is one
 * site; an operator that starts over (the inner side of a correlated join, run once per outer
 * row) gives up what it held before, so a query is charged for what it holds at once, not for
 * everything it ever held.
 */
final class QueryMemory {
  private final long limit;
  private final Map<Integer, Long> bySite = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();

  /** @param limit the bytes the query may hold, {@code limits.maxQueryMemory} */
  QueryMemory(long limit) {
    this.limit = limit;
  }

  /** The operator at {@code site} starts holding rows anew. */
  void restart(int site) {
    Long before = bySite.remove(site);
    if (before != null) {
      held.addAndGet(-before);
    }
  }

  /** The operator at {@code site}, described as {@code operator}, holds {@code bytes} more; fails the query past the limit. */
  void grow(int site, long bytes, String operator) {
    bySite.merge(site, bytes, Long::sum);
    long now = held.addAndGet(bytes);
    if (now > limit) {
      throw new QueryAbortedException("out of memory: the query holds more than " + megabytes(limit)
          + " in the gateway (limits.maxQueryMemory), most recently for " + operator + "; reduce what it holds"
          + " there (filters, fewer columns, a LIMIT), or raise the limit", QueryException.OUT_OF_MEMORY);
    }
  }

  private static String megabytes(long bytes) {
    return bytes >= 10L << 20 ? (bytes >> 20) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}
