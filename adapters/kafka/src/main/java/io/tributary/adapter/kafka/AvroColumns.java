package io.tributary.adapter.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * The declared columns of an Avro table, each mapped by name onto a field of the configured record
 * schema. Start-up checks that every value the field can hold fits its column, so a record is
 * rejected for its bytes, never because the configuration could not work. Values become Calcite's
 * representation of the column type ({@code DATE} as days, {@code TIMESTAMP} as epoch milliseconds).
 */
final class AvroColumns {
  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private AvroColumns() {}

  /** A declared column, read from one field of the record. */
  record AvroColumn(int field, Reading reading) {
    Object read(GenericRecord record) throws BadRecordException {
      Object value = record.get(field);
      return value == null ? null : reading.sql(value);
    }
  }

  /** A non-null Avro value (as {@code GenericDatumReader} gives it, without conversions) as the column's value. */
  @FunctionalInterface
  interface Reading {
    Object sql(Object avro) throws BadRecordException;
  }

  /** The readings of {@code declared}, in order; fails naming {@code columns.<name>} when a column cannot be read. */
  static List<AvroColumn> map(Schema record, List<Column> declared, TableOptions options) {
    List<AvroColumn> columns = new ArrayList<>(declared.size());
    for (Column column : declared) {
      columns.add(map(record, column, options));
    }
    return columns;
  }

  private static AvroColumn map(Schema record, Column column, TableOptions options) {
    String path = "columns." + column.name();
    Schema.Field field = record.getField(column.name());
    if (field == null) {
      throw options.invalid(path, "is not a field of the avroSchema record `" + record.getFullName()
          + "`; its fields are " + record.getFields().stream().map(Schema.Field::name).toList());
    }
    Schema type = nonNull(field.schema()).orElseThrow(() -> options.invalid(path, "is Avro field `"
        + field.name() + "` of type " + field.schema() + "; a column reads one type, or a union of one type with null"));
    Reading reading = reading(column, type).orElseThrow(() -> options.invalid(path, "is declared "
        + column.type().describe() + " but Avro field `" + field.name() + "` is " + describe(type) + "; "
        + column.type().describe() + " columns read Avro " + accepted(column.type())));
    return new AvroColumn(field.pos(), reading);
  }

  /** The type of a field, a union with null being that type (nullable: every column is). */
  private static Optional<Schema> nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return Optional.of(schema);
    }
    List<Schema> types = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
    return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
  }

  private static Optional<Reading> reading(Column column, Schema type) {
    Schema.Type avro = type.getType();
    LogicalType logical = type.getLogicalType();
    boolean plain = logical == null;
    return Optional.ofNullable(switch (column.type().sqlType()) {
      case VARCHAR -> avro == Schema.Type.STRING || avro == Schema.Type.ENUM ? Object::toString : null;
      case INTEGER -> avro == Schema.Type.INT && plain ? value -> value : null;
      case BIGINT -> (avro == Schema.Type.INT || avro == Schema.Type.LONG) && plain
          ? value -> ((Number) value).longValue() : null;
      case DOUBLE -> (avro == Schema.Type.FLOAT || avro == Schema.Type.DOUBLE) && plain
          ? value -> ((Number) value).doubleValue() : null;
      case BOOLEAN -> avro == Schema.Type.BOOLEAN ? value -> value : null;
      case DECIMAL -> logical instanceof LogicalTypes.Decimal decimal ? decimal(column, type, decimal) : null;
      case DATE -> avro == Schema.Type.INT && logical instanceof LogicalTypes.Date ? value -> value : null;
      case TIMESTAMP -> avro == Schema.Type.LONG && !plain ? timestamp(logical.getName()) : null;
      default -> null;
    });
  }

  /** Only Avro decimals whose every value fits: no more decimals and no more integer digits than the column. */
  private static Reading decimal(Column column, Schema type, LogicalTypes.Decimal decimal) {
    ColumnType sql = column.type();
    if (decimal.getScale() > sql.scale() || decimal.getPrecision() - decimal.getScale() > sql.precision() - sql.scale()) {
      return null;
    }
    // The bytes may still hold more digits than the schema's precision says: column.decimal checks each value.
    return type.getType() == Schema.Type.BYTES
        ? value -> column.decimal(DECIMALS.fromBytes((ByteBuffer) value, type, decimal))
        : value -> column.decimal(DECIMALS.fromFixed((GenericFixed) value, type, decimal));
  }

  /** Calcite's timestamps are milliseconds: finer units are truncated towards the past. Local ones read as UTC, like JSON. */
  private static Reading timestamp(String logical) {
    return switch (logical) {
      case "timestamp-millis", "local-timestamp-millis" -> value -> value;
      case "timestamp-micros", "local-timestamp-micros" -> value -> Math.floorDiv((Long) value, 1_000L);
      case "timestamp-nanos", "local-timestamp-nanos" -> value -> Math.floorDiv((Long) value, 1_000_000L);
      default -> null;
    };
  }

  private static String accepted(ColumnType type) {
    return switch (type.sqlType()) {
      case VARCHAR -> "string or enum";
      case INTEGER -> "int";
      case BIGINT -> "int or long";
      case DOUBLE -> "float or double";
      case BOOLEAN -> "boolean";
      case DECIMAL -> "bytes or fixed with logical type decimal of scale at most " + type.scale() + " and at most "
          + (type.precision() - type.scale()) + " digits before the point; declare the column wider";
      case DATE -> "int with logical type date";
      case TIMESTAMP -> "long with logical type timestamp-millis, -micros or -nanos (or local-timestamp-*)";
      default -> "nothing";
    };
  }

  private static String describe(Schema type) {
    LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return type.getType().getName() + " (decimal(" + decimal.getPrecision() + "," + decimal.getScale() + "))";
    }
    return type.getType().getName() + (logical == null ? "" : " (" + logical.getName() + ")");
  }
}
