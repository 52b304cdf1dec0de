package io.tributary.gateway.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one query from taking the gateway down: when the heap stays fuller than
 * {@code limits.maxHeapUsage} after a collection, the running query that has allocated the most
 * is stopped (SQLSTATE 53200), one per collection, until the heap is below the limit again. The
 * gateway cannot weigh what each query holds (Calcite's joins, sorts and aggregates keep plain
 * Java objects), so it weighs what each allocated, which is what grows the heap. After a stop it
 * asks for one more collection before judging again, since what the stopped query held stays in
 * the old generation until a collection reaches it.
 */
final class HeapGuard {
  static final Duration CHECK_EVERY = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(HeapGuard.class);

  private final QueryLog log;
  private final int maxPercent;
  /** The pools whose usage after a collection is what the program keeps alive: the old generation. */
  private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
      .toList();
  /**
   * A query that allocated less than this share of the heap cannot be what fills it; when no
   * running query did, none is stopped (the heap is held by something else, and stopping innocent
   * queries would not free it).
   */
  private static final int SUSPECT_SHARE = 10;
  private long lastCollections = -1;
  private boolean stoppedOne;

  HeapGuard(QueryLog log, int maxPercent) {
    this.log = log;
    this.maxPercent = maxPercent;
  }

  void check() {
    long collections = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
    if (collections == lastCollections) {
      return; // nothing new known since the last stop
    }
    for (MemoryPoolMXBean pool : pools) {
      MemoryUsage afterCollection = pool.getCollectionUsage();
      long max = afterCollection == null ? -1 : afterCollection.getMax();
      if (max <= 0 || afterCollection.getUsed() * 100 <= max * maxPercent) {
        continue;
      }
      long percent = afterCollection.getUsed() * 100 / max;
      if (stoppedOne) {
        // The old generation keeps a stopped query's rows until a collection reaches them; measure
        // after one before blaming another query.
        stoppedOne = false;
        lastCollections = collections;
        LOG.info("heap {}% full after collection ({}) since a query was stopped; collecting once more", percent,
            pool.getName());
        System.gc();
        return;
      }
      log.heaviest().filter(run -> run.allocatedBytes() >= max / SUSPECT_SHARE).ifPresent(run -> {
        LOG.warn("heap {}% full after collection ({}); stopping query {} of {}, which allocated {} MB", percent,
            pool.getName(), run.id(), run.caller().user(), run.allocatedBytes() >> 20);
        run.cancel(new QueryAbortedException("out of memory: the gateway's heap was " + percent + "% full after a"
            + " collection (limits.maxHeapUsage is " + maxPercent + "%), and this query had allocated the most ("
            + (run.allocatedBytes() >> 20) + " MB); reduce what it holds in the gateway (filters, fewer columns, a LIMIT)",
            QueryException.OUT_OF_MEMORY));
        lastCollections = collections;
        stoppedOne = true;
      });
      return;
    }
  }
}
