package io.tributary.adapter.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An entity table: the latest row per key. A tombstone deletes the key. When the table is at its
 * memory bound, updates and deletes still apply but new keys are refused (and reported), because
 * evicting some keys to admit others would silently answer queries with a wrong table.
 */
final class EntityState extends TableState {
  private final long maxBytes;
  private final Map<String, Object[]> byKey = new HashMap<>(); // guarded by the lock
  private long heldBytes; // guarded by the lock

  EntityState(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected List<Change> applyLocked(List<Change> changes) {
    List<Change> refused = List.of();
    for (Change change : changes) {
      Object[] previous = byKey.get(change.key());
      long before = previous == null ? 0 : weigh(previous);
      if (change.row() == null) {
        if (previous != null) {
          byKey.remove(change.key());
          heldBytes -= before;
        }
        continue;
      }
      long after = weigh(change.row());
      if (previous == null && heldBytes + after > maxBytes) {
        refused = refused.isEmpty() ? new ArrayList<>() : refused;
        refused.add(change);
        continue;
      }
      byKey.put(change.key(), change.row());
      heldBytes += after - before;
    }
    return refused;
  }

  @Override
  protected List<Object[]> copyRows() {
    return List.copyOf(byKey.values());
  }

  @Override
  protected long size() {
    return byKey.size();
  }

  @Override
  protected long weight() {
    return heldBytes;
  }

  /** The key string is the row's {@code _key} value, so it is counted once, in the row. */
  private static long weigh(Object[] row) {
    return RowWeigher.weigh(row) + RowWeigher.PER_KEY_OVERHEAD;
  }
}
