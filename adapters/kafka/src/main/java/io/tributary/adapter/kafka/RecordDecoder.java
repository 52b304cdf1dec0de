package io.tributary.adapter.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record as a row of its table: the declared columns read by the table's {@link ValueFormat},
 * then the metadata columns, the same for every format.
 */
final class RecordDecoder {
  private final ValueFormat format;
  private final int declared;
  private final int width;

  RecordDecoder(TopicSettings settings) {
    this.format = settings.format();
    this.width = settings.columns().size();
    this.declared = width - Column.METADATA.size();
  }

  /** The record's key as text, or null. */
  static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  Object[] decode(ConsumerRecord<byte[], byte[]> record) throws BadRecordException {
    if (record.value() == null) {
      throw new BadRecordException("null value (a tombstone) deletes nothing in an events table");
    }
    Object[] row = new Object[width];
    format.decode(record.value(), row);
    row[declared] = key(record);
    row[declared + 1] = record.partition();
    row[declared + 2] = record.offset();
    row[declared + 3] = record.timestamp();
    return row;
  }
}
