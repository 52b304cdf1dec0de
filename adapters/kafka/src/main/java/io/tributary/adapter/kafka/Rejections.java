package io.tributary.adapter.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records a domain's tables refused: counted per table, the latest {@value #KEPT} kept for
 * {@code tributary.rejected_records}, each logged once. A topic full of bad records must not flood
 * the log, so after the first {@value #LOGGED_ONE_BY_ONE} of a table only every
 * {@value #LOG_EVERY}th is logged, with the count so far.
 */
final class Rejections {
  static final int KEPT = 1_000;
  private static final int LOGGED_ONE_BY_ONE = 20;
  private static final int LOG_EVERY = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

  private final String domain;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Deque<RejectedRecord> latest = new ArrayDeque<>(); // guarded by itself

  Rejections(String domain) {
    this.domain = domain;
  }

  void reject(TopicSettings table, int partition, long offset, long timestamp, String reason) {
    long count = counts.computeIfAbsent(table.table(), t -> new AtomicLong()).incrementAndGet();
    RejectedRecord rejected = new RejectedRecord(table.table(), table.topic(), partition, offset, timestamp, reason,
        System.currentTimeMillis());
    synchronized (latest) {
      if (latest.size() == KEPT) {
        latest.removeFirst();
      }
      latest.addLast(rejected);
    }
    if (count <= LOGGED_ONE_BY_ONE || count % LOG_EVERY == 0) {
      LOG.warn("domain `{}`: table `{}` rejected the record at topic {} partition {} offset {}: {}"
              + " ({} rejected so far; SELECT * FROM tributary.rejected_records lists the latest)",
          domain, table.table(), table.topic(), partition, offset, reason, count);
    }
  }

  long count(String table) {
    AtomicLong count = counts.get(table);
    return count == null ? 0 : count.get();
  }

  /** Rows of {@code tributary.rejected_records} for this domain, oldest first. */
  List<Object[]> rows() {
    List<RejectedRecord> copy;
    synchronized (latest) {
      copy = new ArrayList<>(latest);
    }
    return copy.stream().map(RejectedRecord::toRow).toList();
  }

  /** One refused record. */
  record RejectedRecord(String table, String topic, int partition, long offset, long timestamp, String reason,
      long rejectedAt) {

    Object[] toRow() {
      return new Object[] {table, topic, partition, offset, timestamp < 0 ? null : timestamp, reason, rejectedAt};
    }
  }
}
