package io.tributary.adapter.kafka;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * An events table: every record in arrival order, the oldest dropped first when the table holds
 * more than its row cap or memory bound, or when records are older than its retention (by record
 * timestamp). Arrival-order eviction is why this is explicit accounting and not a Caffeine cache:
 * a size-bounded cache evicts by frequency and recency, which for a log means arbitrary holes.
 */
final class EventsState extends TableState {
  private final long maxRows;
  private final long maxBytes;
  private final Optional<Duration> retention;
  private final ArrayDeque<Object[]> rows = new ArrayDeque<>(); // guarded by the lock
  private final int timestampColumn;
  private long heldBytes; // guarded by the lock
  private volatile long oldestTimestamp = Long.MAX_VALUE;

  EventsState(TopicSettings settings) {
    this.maxRows = settings.maxRows();
    this.maxBytes = settings.maxMemoryBytes();
    this.retention = settings.retention();
    this.timestampColumn = settings.columns().size() - 1;
  }

  @Override
  protected List<Change> applyLocked(List<Change> changes) {
    for (Change change : changes) {
      rows.addLast(change.row());
      heldBytes += weigh(change.row());
    }
    while (rows.size() > maxRows || heldBytes > maxBytes) {
      heldBytes -= weigh(rows.removeFirst());
    }
    retention.ifPresent(r -> expireLocked(System.currentTimeMillis()));
    noteOldest();
    return List.of();
  }

  @Override
  protected boolean hasExpired(long now) {
    return retention.isPresent() && oldestTimestamp < now - retention.get().toMillis();
  }

  @Override
  protected void expireLocked(long now) {
    long cutoff = now - retention.orElseThrow().toMillis();
    while (!rows.isEmpty() && (Long) rows.peekFirst()[timestampColumn] < cutoff) {
      heldBytes -= weigh(rows.removeFirst());
    }
    noteOldest();
  }

  @Override
  protected List<Object[]> copyRows() {
    return List.copyOf(rows);
  }

  @Override
  protected long size() {
    return rows.size();
  }

  @Override
  protected long weight() {
    return heldBytes;
  }

  private void noteOldest() {
    oldestTimestamp = rows.isEmpty() ? Long.MAX_VALUE : (Long) rows.peekFirst()[timestampColumn];
  }

  private static long weigh(Object[] row) {
    return RowWeigher.weigh(row) + RowWeigher.PER_EVENT_OVERHEAD;
  }
}
