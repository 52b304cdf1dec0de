package io.tributary.bench.tpch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows each PostgreSQL store read from its tables: the change in {@code seq_tup_read} (rows read by
 * sequential scans) plus {@code idx_tup_read} (index entries returned by index and bitmap scans)
 * over the database's user tables. This counts the work a store did, not the rows it sent; it is
 * the same measure for the reference and for the split.
 *
 * <p>The counters are per database, so other users of the server do not disturb them, but they
 * arrive late: a backend publishes its counts when it goes idle, and when it published less than a
 * second before, only some 10 s later. So reads are taken over a whole block of executions and
 * read {@link #SLOW_FLUSH} after it, once the counters have stopped moving. MariaDB keeps no such
 * per-table counters unless {@code userstat} or {@code performance_schema} is on, so its store is
 * not counted.
 */
final class StoreReads implements AutoCloseable {
  static final Duration SLOW_FLUSH = Duration.ofSeconds(11);
  private static final String READS = "SELECT (SELECT coalesce(sum(seq_tup_read), 0) FROM pg_stat_user_tables)"
      + " + (SELECT coalesce(sum(idx_tup_read), 0) FROM pg_stat_user_indexes)";
  private static final long POLL_MILLIS = 250;
  private static final Duration STEADY = Duration.ofSeconds(2);
  private static final Duration MAX_WAIT = Duration.ofSeconds(20);

  private final Map<String, Connection> monitors;

  private StoreReads(Map<String, Connection> monitors) {
    this.monitors = monitors;
  }

  /** Watches the PostgreSQL stores among {@code stores}. */
  static StoreReads open(List<TpchStore> stores) throws SQLException {
    Map<String, Connection> monitors = new LinkedHashMap<>();
    for (TpchStore store : stores) {
      if (store.isPostgres()) {
        monitors.put(store.label(), store.connect());
      }
    }
    return new StoreReads(monitors);
  }

  /** The counters now, once they have stopped moving. */
  Map<String, Long> snapshot() throws SQLException {
    return settled(Duration.ZERO);
  }

  /** Rows read by each counted store since {@code before}, waiting for late counts to arrive first. */
  Map<String, Long> since(Map<String, Long> before) throws SQLException {
    Map<String, Long> after = settled(SLOW_FLUSH);
    Map<String, Long> read = new LinkedHashMap<>();
    after.forEach((store, count) -> read.put(store, count - before.get(store)));
    return read;
  }

  @Override
  public void close() throws SQLException {
    for (Connection monitor : monitors.values()) {
      monitor.close();
    }
  }

  /** The counters once they have not moved for {@link #STEADY} and {@code atLeast} has passed. */
  private Map<String, Long> settled(Duration atLeast) throws SQLException {
    long start = System.nanoTime();
    Map<String, Long> last = counters();
    long steadySince = start;
    while (true) {
      sleep();
      long now = System.nanoTime();
      Map<String, Long> current = counters();
      if (!current.equals(last)) {
        last = current;
        steadySince = now;
      } else if (now - steadySince >= STEADY.toNanos() && now - start >= atLeast.toNanos()
          || now - start >= MAX_WAIT.toNanos()) {
        return current;
      }
    }
  }

  private Map<String, Long> counters() throws SQLException {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (Map.Entry<String, Connection> monitor : monitors.entrySet()) {
      try (Statement statement = monitor.getValue().createStatement(); ResultSet rs = statement.executeQuery(READS)) {
        rs.next();
        counters.put(monitor.getKey(), rs.getLong(1));
      }
    }
    return counters;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PostgreSQL's counters", e);
    }
  }
}
