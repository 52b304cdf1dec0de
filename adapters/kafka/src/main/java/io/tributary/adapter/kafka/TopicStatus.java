package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.StatusTable;
import io.tributary.adapter.spi.StatusTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/** The kafka adapter's system tables: {@code tributary.topics} and {@code tributary.rejected_records}. */
final class TopicStatus {
  private static final List<Column> TOPICS = List.of(
      new Column("table_name", SqlTypeName.VARCHAR), new Column("topic", SqlTypeName.VARCHAR),
      new Column("kind", SqlTypeName.VARCHAR), new Column("rows_held", SqlTypeName.BIGINT),
      new Column("memory_bytes", SqlTypeName.BIGINT), new Column("partitions", SqlTypeName.INTEGER),
      new Column("end_offsets", SqlTypeName.BIGINT), new Column("consumed_offsets", SqlTypeName.BIGINT),
      new Column("consumer_lag", SqlTypeName.BIGINT), new Column("records_rejected", SqlTypeName.BIGINT),
      new Column("last_record_time", SqlTypeName.TIMESTAMP), new Column("state", SqlTypeName.VARCHAR));
  private static final List<Column> REJECTED = List.of(
      new Column("table_name", SqlTypeName.VARCHAR), new Column("topic", SqlTypeName.VARCHAR),
      new Column("record_partition", SqlTypeName.INTEGER), new Column("record_offset", SqlTypeName.BIGINT),
      new Column("record_time", SqlTypeName.TIMESTAMP), new Column("reason", SqlTypeName.VARCHAR),
      new Column("rejected_at", SqlTypeName.TIMESTAMP));

  private final List<TopicIngest> ingests;
  private final DomainConsumer consumer;
  private final Rejections rejections;
  private final BrokerLink link;

  TopicStatus(List<TopicIngest> ingests, DomainConsumer consumer, Rejections rejections, BrokerLink link) {
    this.ingests = List.copyOf(ingests);
    this.consumer = consumer;
    this.rejections = rejections;
    this.link = link;
  }

  List<StatusTable> tables() {
    return List.of(new StatusTable("topics", TOPICS, this::topicRows),
        new StatusTable("rejected_records", REJECTED, rejections::rows));
  }

  private List<Object[]> topicRows() {
    List<Object[]> rows = new ArrayList<>();
    for (TopicIngest ingest : ingests) {
      TopicSettings t = ingest.settings();
      TableState state = ingest.state();
      Map<Integer, Long> ends = consumer.endOffsets(t.topic());
      Map<Integer, Long> consumed = state.nextOffsets();
      long end = 0;
      long lag = 0;
      for (Map.Entry<Integer, Long> partition : ends.entrySet()) {
        long position = consumed.getOrDefault(partition.getKey(), 0L);
        // End offsets are sampled once a second, so the position may already be past them.
        end += Math.max(partition.getValue(), position);
        lag += Math.max(0, partition.getValue() - position);
      }
      long lastRecord = state.lastRecordTime();
      rows.add(new Object[] {t.table(), t.topic(), t.kind().name().toLowerCase(Locale.ROOT), state.rows(),
          state.bytes(), ends.size(), end, consumed.values().stream().mapToLong(Long::longValue).sum(), lag,
          rejections.count(t.table()), lastRecord < 0 ? null : lastRecord,
          link.isUp() ? "live" : "last known state: " + link.health().detail()});
    }
    return rows;
  }
}
