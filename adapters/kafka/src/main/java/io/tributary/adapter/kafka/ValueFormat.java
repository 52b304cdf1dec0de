package io.tributary.adapter.kafka;

import java.util.List;
import java.util.Locale;

/**
 * How a topic's record values are written: reads one value into the declared columns of a row.
 * The metadata columns and the key are the same whatever the format, so {@link RecordDecoder}
 * fills them. A format is used by its domain's consumer thread only, so it may keep buffers.
 */
interface ValueFormat {

  /** Writes the declared columns, the first cells of {@code row}, from a non-null value. */
  void decode(byte[] value, Object[] row) throws BadRecordException;

  /** The format {@code options} asks for, checked against the declared columns; fails naming the setting. */
  static ValueFormat of(TableOptions options, List<Column> declared) {
    String format = options.text("format").orElse("json").toLowerCase(Locale.ROOT);
    return switch (format) {
      case "json" -> {
        if (options.text(AvroFormat.SCHEMA_OPTION).isPresent()) {
          throw options.invalid(AvroFormat.SCHEMA_OPTION, "applies to format avro only; set format: avro or remove it");
        }
        yield new JsonFormat(declared);
      }
      case "avro" -> AvroFormat.of(options, declared);
      default -> throw options.invalid("format", "is `" + format + "`; expected json (the default) or avro");
    };
  }
}
