package io.tributary.adapter.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A JSON value as the declared column type, in Calcite's representation of that type
 * ({@code DATE} as days and {@code TIMESTAMP} as UTC milliseconds since the epoch).
 */
final class JsonValues {
  private JsonValues() {}

  static Object convert(JsonNode node, Column column) throws BadRecordException {
    if (node == null || node.isNull()) {
      return null;
    }
    ColumnType type = column.type();
    Object value = switch (type.sqlType()) {
      case VARCHAR -> node.isValueNode() ? node.asText() : null;
      case INTEGER -> node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : null;
      case BIGINT -> node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : null;
      case DOUBLE -> node.isNumber() ? node.doubleValue() : null;
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
      case DECIMAL -> node.isNumber() ? column.decimal(node.decimalValue()) : null;
      case DATE -> node.isTextual() ? date(node.asText()) : null;
      case TIMESTAMP -> node.isIntegralNumber() ? node.longValue() : node.isTextual() ? timestamp(node.asText()) : null;
      default -> throw new IllegalStateException("no JSON conversion for " + type.sqlType());
    };
    if (value == null) {
      throw new BadRecordException("column `" + column.name() + "`: expected " + describe(type) + ", got " + node);
    }
    return value;
  }

  private static Integer date(String text) {
    try {
      return Math.toIntExact(LocalDate.parse(text).toEpochDay());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** ISO-8601 with an offset ({@code 2024-05-01T10:00:00Z}) or without one, read as UTC. */
  private static Long timestamp(String text) {
    try {
      return Instant.parse(text).toEpochMilli();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private static String describe(ColumnType type) {
    return switch (type.sqlType()) {
      case DATE -> "a date as \"yyyy-mm-dd\"";
      case TIMESTAMP -> "a timestamp as ISO-8601 text or epoch milliseconds";
      default -> type.describe();
    };
  }
}
