package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.TableSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One published topic, validated.
 *
 * @param domain the domain publishing it
 * @param table the table's name in SQL
 * @param topic the Kafka topic
 * @param kind entity or events
 * @param columns declared columns, in order, then {@link Column#METADATA}
 * @param format how record values are read into the declared columns
 * @param maxRows events only: the oldest rows are dropped beyond this many
 * @param retention events only: rows older than this (by record timestamp) are dropped
 * @param maxMemoryBytes the estimated memory the table may hold; see {@link RowWeigher}
 */
record TopicSettings(String domain, String table, String topic, TableKind kind, List<Column> columns,
    ValueFormat format, long maxRows, Optional<Duration> retention, long maxMemoryBytes) {

  static final long DEFAULT_MAX_ROWS = 1_000_000;
  static final long DEFAULT_MAX_MEMORY = 256L << 20;
  private static final Set<String> OPTIONS = Set.of("kind", "format", AvroFormat.SCHEMA_OPTION, "columns",
      "maxRows", "retention", "maxMemory");

  TopicSettings {
    columns = List.copyOf(columns);
  }

  /** Reads {@code tables[index]} of a kafka domain; fails naming the setting. */
  static TopicSettings of(String domain, int index, TableSpec spec) {
    TableOptions options = new TableOptions(domain, "tables[" + index + "].options", spec.options());
    options.rejectUnknown(OPTIONS);
    TableKind kind = kind(options);
    if (kind == TableKind.ENTITY && (options.text("maxRows").isPresent() || options.text("retention").isPresent())) {
      throw options.invalid(options.text("maxRows").isPresent() ? "maxRows" : "retention",
          "applies to events tables only; an entity table holds one row per key, bounded by maxMemory");
    }
    List<Column> declared = declared(options);
    ValueFormat format = ValueFormat.of(options, declared);
    List<Column> columns = new ArrayList<>(declared);
    columns.addAll(Column.METADATA);
    return new TopicSettings(domain, spec.name(), spec.source(), kind, columns, format,
        options.positive("maxRows", DEFAULT_MAX_ROWS), options.duration("retention"),
        options.bytes("maxMemory", DEFAULT_MAX_MEMORY));
  }

  /** Index of {@code _key} among the columns. */
  int keyColumn() {
    return columns.size() - Column.METADATA.size();
  }

  private static TableKind kind(TableOptions options) {
    String kind = options.text("kind").orElse("");
    return switch (kind.toLowerCase(Locale.ROOT)) {
      case "entity" -> TableKind.ENTITY;
      case "events" -> TableKind.EVENTS;
      default -> throw options.invalid("kind", (kind.isEmpty() ? "is missing" : "is `" + kind + "`")
          + "; expected entity (latest value per key) or events (every retained record)");
    };
  }

  private static List<Column> declared(TableOptions options) {
    List<Column> columns = new ArrayList<>();
    for (Map.Entry<?, ?> entry : options.mapping("columns", "a mapping of column name to type ("
        + ColumnType.KNOWN + ")").entrySet()) {
      String name = entry.getKey().toString();
      if (name.startsWith("_")) {
        throw options.invalid("columns." + name, "starts with `_`, which is reserved for the metadata columns "
            + Column.METADATA.stream().map(Column::name).toList());
      }
      String type = String.valueOf(entry.getValue());
      columns.add(new Column(name, ColumnType.parse(type).orElseThrow(() -> options.invalid("columns." + name,
          "is `" + type + "`; expected one of " + ColumnType.KNOWN))));
    }
    return columns;
  }
}
