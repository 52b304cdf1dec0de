package io.tributary.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Values written as Avro binary with the writer schema given in configuration ({@value #SCHEMA_OPTION},
 * a record). Both plain Avro binary and the Confluent wire format (magic byte 0, a 4-byte schema id,
 * then Avro binary) are read. The schema id is not looked up in any registry: every record is read
 * with the configured schema, so a producer that changes its schema needs the domain's
 * configuration changed with it.
 */
final class AvroFormat implements ValueFormat {
  static final String SCHEMA_OPTION = "avroSchema";
  private static final byte MAGIC = 0;
  private static final int FRAME_HEADER = 5;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GenericDatumReader<GenericRecord> reader;
  private final List<AvroColumns.AvroColumn> columns;
  private final BoundedDecoder decoder = new BoundedDecoder(); // reused: formats belong to one consumer thread

  private AvroFormat(Schema schema, List<AvroColumns.AvroColumn> columns) {
    this.reader = new GenericDatumReader<>(schema);
    this.columns = List.copyOf(columns);
  }

  /** The format of a table's options: its schema parsed, its columns mapped onto the schema's fields. */
  static AvroFormat of(TableOptions options, List<Column> declared) {
    Schema schema = schema(options);
    return new AvroFormat(schema, AvroColumns.map(schema, declared, options));
  }

  @Override
  public void decode(byte[] value, Object[] row) throws BadRecordException {
    GenericRecord record = read(value);
    for (int i = 0; i < columns.size(); i++) {
      row[i] = columns.get(i).read(record);
    }
  }

  /**
   * A value starting with the magic byte is read as Confluent-framed first. Plain Avro may start
   * with a zero byte too (a union's null branch, a zero, an empty string), so when the rest is not
   * exactly one record the whole value is read again as plain Avro.
   */
  private GenericRecord read(byte[] value) throws BadRecordException {
    if (value.length <= FRAME_HEADER || value[0] != MAGIC) {
      return readExactly(value, 0, "value is not Avro of the configured schema: ");
    }
    try {
      return readExactly(value, FRAME_HEADER, "");
    } catch (BadRecordException framed) {
      int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
      return readExactly(value, 0, "value is not Avro of the configured schema, neither Confluent-framed (schema id "
          + schemaId + ": " + framed.getMessage() + ") nor plain: ");
    }
  }

  private GenericRecord readExactly(byte[] value, int from, String failure) throws BadRecordException {
    decoder.reset(value, from);
    String problem;
    try {
      GenericRecord record = reader.read(null, decoder);
      if (decoder.isEnd()) {
        return record;
      }
      problem = "bytes are left after the record (written with another schema?)";
    } catch (IOException e) {
      problem = e.getMessage() == null ? "the value ends inside the record" : e.getMessage();
    } catch (RuntimeException e) {
      // Avro binary carries no checks of its own: a bad union branch, enum index or number in
      // untrusted bytes surfaces as any runtime exception of the reader.
      problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    throw new BadRecordException(failure + problem);
  }

  /** The writer schema: JSON text, or the same written as a YAML mapping. */
  private static Schema schema(TableOptions options) {
    Object given = options.value(SCHEMA_OPTION).orElseThrow(() -> options.invalid(SCHEMA_OPTION,
        "is missing; format avro reads values with the writer schema given here (an Avro record, as JSON)"));
    Schema schema;
    try {
      schema = new Schema.Parser().parse(given instanceof String text ? text : JSON.writeValueAsString(given));
    } catch (JsonProcessingException | AvroRuntimeException e) {
      throw options.invalid(SCHEMA_OPTION, "is not an Avro schema: " + e.getMessage());
    }
    if (schema.getType() != Schema.Type.RECORD) {
      throw options.invalid(SCHEMA_OPTION, "is of type " + schema.getType().getName()
          + "; expected a record, whose fields the columns read by name");
    }
    return schema;
  }
}
