package io.tributary.adapter.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A topic table's rows in memory, changed by the domain's consumer thread only and read by any
 * number of queries as immutable {@link Snapshot}s.
 *
 * <p>Why copy-on-read rather than copy-on-write: the consumer applies every poll's batch in place
 * (cheap, whatever the table's size), and a snapshot is copied only when a query asks for a version
 * nobody has copied yet, under a read lock so it never sees half a batch. Queries on a table that
 * does not change share one copy; a table nobody queries costs no copies at all.
 */
abstract class TableState {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** Next offset to apply per partition: the table reflects everything before it. Written by the consumer thread only. */
  private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
  private long version; // guarded by lock
  private volatile Snapshot published = Snapshot.EMPTY;
  private volatile long rows;
  private volatile long bytes;
  private volatile long lastRecordTime = -1;

  /**
   * Applies one partition's decoded changes (in offset order) and records that the table now
   * reflects that partition up to {@code nextOffset}.
   *
   * @return the changes refused because the table is at its memory bound
   */
  final List<Change> apply(int partition, List<Change> changes, long nextOffset, long lastTimestamp) {
    List<Change> refused;
    lock.writeLock().lock();
    try {
      refused = applyLocked(changes);
      version++;
      rows = size();
      bytes = weight();
    } finally {
      lock.writeLock().unlock();
    }
    nextOffsets.put(partition, nextOffset);
    lastRecordTime = Math.max(lastRecordTime, lastTimestamp);
    return refused;
  }

  /** Drops rows that age or bounds no longer allow; nothing for tables that never expire. */
  final void expire(long now) {
    if (!hasExpired(now)) {
      return;
    }
    lock.writeLock().lock();
    try {
      expireLocked(now);
      version++;
      rows = size();
      bytes = weight();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The rows now, consistent with whole batches. */
  final Snapshot snapshot() {
    lock.readLock().lock();
    try {
      Snapshot current = published;
      if (current.version() != version) {
        current = new Snapshot(version, copyRows());
        published = current;
      }
      return current;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The next offset this table will apply in {@code partition}, 0 before any record was seen. */
  final long nextOffset(int partition) {
    return nextOffsets.getOrDefault(partition, 0L);
  }

  final Map<Integer, Long> nextOffsets() {
    return Map.copyOf(nextOffsets);
  }

  final long rows() {
    return rows;
  }

  final long bytes() {
    return bytes;
  }

  /** Timestamp of the newest record applied, or -1. */
  final long lastRecordTime() {
    return lastRecordTime;
  }

  /** Applies changes; called under the write lock. */
  protected abstract List<Change> applyLocked(List<Change> changes);

  /** Whether {@link #expireLocked} has anything to do; called without the lock by the only writer. */
  protected boolean hasExpired(long now) {
    return false;
  }

  protected void expireLocked(long now) {}

  /** Copies the rows; called under the read lock. */
  protected abstract List<Object[]> copyRows();

  protected abstract long size();

  protected abstract long weight();
}
