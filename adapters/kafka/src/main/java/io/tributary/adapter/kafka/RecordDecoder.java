package io.tributary.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record's JSON object value as a row of its table: the declared columns (missing fields are
 * null, unknown fields are ignored so producers can add fields first), then the metadata columns.
 */
final class RecordDecoder {
  // Exact decimals: a double would turn 19.99 into 19.989999...
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<Column> columns;
  private final int declared;

  RecordDecoder(TopicSettings settings) {
    this.columns = settings.columns();
    this.declared = columns.size() - Column.METADATA.size();
  }

  /** The record's key as text, or null. */
  static String key(ConsumerRecord<byte[], byte[]> record) {
    return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
  }

  Object[] decode(ConsumerRecord<byte[], byte[]> record) throws BadRecordException {
    if (record.value() == null) {
      throw new BadRecordException("null value (a tombstone) deletes nothing in an events table");
    }
    JsonNode value;
    try {
      value = JSON.readTree(record.value());
    } catch (JsonProcessingException e) {
      throw new BadRecordException("value is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRecordException("value is not readable: " + e.getMessage());
    }
    if (value == null || !value.isObject()) {
      throw new BadRecordException("value is not a JSON object: " + abbreviate(value));
    }
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < declared; i++) {
      row[i] = JsonValues.convert(value.get(columns.get(i).name()), columns.get(i));
    }
    row[declared] = key(record);
    row[declared + 1] = record.partition();
    row[declared + 2] = record.offset();
    row[declared + 3] = record.timestamp();
    return row;
  }

  private static String abbreviate(JsonNode value) {
    String text = String.valueOf(value);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
