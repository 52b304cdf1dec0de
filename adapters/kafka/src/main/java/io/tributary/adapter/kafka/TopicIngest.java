package io.tributary.adapter.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Turns one topic's polled records into changes of its table: decode, reject what is bad, apply the rest. */
final class TopicIngest {
  private final TopicSettings settings;
  private final TableState state;
  private final RecordDecoder decoder;
  private final Rejections rejections;

  TopicIngest(TopicSettings settings, TableState state, Rejections rejections) {
    this.settings = settings;
    this.state = state;
    this.decoder = new RecordDecoder(settings);
    this.rejections = rejections;
  }

  TopicSettings settings() {
    return settings;
  }

  TableState state() {
    return state;
  }

  /** Applies a partition's records, in offset order; records before the table's position were applied already. */
  void ingest(int partition, List<ConsumerRecord<byte[], byte[]>> records) {
    long next = state.nextOffset(partition);
    List<Change> changes = new ArrayList<>(records.size());
    long lastTimestamp = -1;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      // A re-seek after a reconnect may replay records; an events table must not hold them twice.
      if (record.offset() < next) {
        continue;
      }
      next = record.offset() + 1;
      lastTimestamp = Math.max(lastTimestamp, record.timestamp());
      try {
        changes.add(change(record));
      } catch (BadRecordException e) {
        rejections.reject(settings, partition, record.offset(), record.timestamp(), e.getMessage());
      }
    }
    for (Change refused : state.apply(partition, changes, next, lastTimestamp)) {
      rejections.reject(settings, partition, refused.offset(), -1, "table holds its maxMemory of "
          + settings.maxMemoryBytes() + " bytes; new keys are refused until keys are deleted or maxMemory is raised");
    }
  }

  private Change change(ConsumerRecord<byte[], byte[]> record) throws BadRecordException {
    String key = RecordDecoder.key(record);
    if (settings.kind() == TableKind.ENTITY) {
      if (key == null) {
        throw new BadRecordException("no key; an entity table holds one row per key");
      }
      if (record.value() == null) {
        return new Change(key, null, record.partition(), record.offset());
      }
    }
    return new Change(key, decoder.decode(record), record.partition(), record.offset());
  }
}
