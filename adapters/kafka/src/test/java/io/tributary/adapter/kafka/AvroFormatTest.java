package io.tributary.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.TableSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Avro values become rows: plain or Confluent-framed, logical types as SQL types, bad bytes rejected. */
class AvroFormatTest {
  static final String SCHEMA = """
      {"type": "record", "name": "Shipment", "namespace": "com.example", "fields": [
        {"name": "note", "type": ["null", "string"], "default": null},
        {"name": "tracking", "type": "string"},
        {"name": "customer_id", "type": "int"},
        {"name": "weight_kg", "type": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}},
        {"name": "price", "type": {"type": "fixed", "name": "Price", "size": 8, "logicalType": "decimal",
                                   "precision": 10, "scale": 2}},
        {"name": "shipped_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "ship_date", "type": {"type": "int", "logicalType": "date"}},
        {"name": "mode", "type": {"type": "enum", "name": "Mode", "symbols": ["AIR", "SEA"]}},
        {"name": "internal", "type": "double"}
      ]}""";
  private static final Schema WRITER = new Schema.Parser().parse(SCHEMA);
  private static final Instant SHIPPED = Instant.parse("2025-03-01T10:00:00.123456Z");

  private final RecordDecoder decoder = new RecordDecoder(TopicSettings.of("logistics", 0, new TableSpec("shipments",
      "shipments", Map.of("kind", "events", "format", "avro", "avroSchema", SCHEMA, "columns", columns()))));

  private static Map<String, Object> columns() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("tracking", "varchar");
    columns.put("customer_id", "bigint");
    columns.put("note", "varchar");
    columns.put("weight_kg", "decimal(8,3)");
    columns.put("price", "decimal(10,2)");
    columns.put("shipped_at", "timestamp");
    columns.put("ship_date", "date");
    columns.put("mode", "varchar");
    return columns;
  }

  static GenericRecord shipment(String note, BigDecimal weight, BigInteger priceCents) {
    GenericRecord record = new GenericData.Record(WRITER);
    record.put("note", note);
    record.put("tracking", "T1");
    record.put("customer_id", 7);
    record.put("weight_kg", ByteBuffer.wrap(weight.unscaledValue().toByteArray()));
    byte[] price = new byte[8];
    byte[] cents = priceCents.toByteArray();
    Arrays.fill(price, 0, 8 - cents.length, (byte) (priceCents.signum() < 0 ? -1 : 0));
    System.arraycopy(cents, 0, price, 8 - cents.length, cents.length);
    record.put("price", new GenericData.Fixed(WRITER.getField("price").schema(), price));
    record.put("shipped_at", SHIPPED.getEpochSecond() * 1_000_000 + SHIPPED.getNano() / 1_000);
    record.put("ship_date", (int) LocalDate.parse("2025-03-02").toEpochDay());
    record.put("mode", new GenericData.EnumSymbol(WRITER.getField("mode").schema(), "SEA"));
    record.put("internal", 1.5);
    return record;
  }

  static byte[] plain(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  static byte[] framed(int schemaId, byte[] plain) {
    return ByteBuffer.allocate(5 + plain.length).put((byte) 0).putInt(schemaId).put(plain).array();
  }

  private Object[] decode(byte[] value) throws BadRecordException {
    return decoder.decode(new ConsumerRecord<>("shipments", 1, 42L, "k".getBytes(), value));
  }

  private String rejected(byte[] value) {
    return assertThrows(BadRecordException.class, () -> decode(value)).getMessage();
  }

  @Test
  void plainBinaryBecomesTheDeclaredColumnsInCalciteRepresentationThenMetadata() throws Exception {
    Object[] row = decode(plain(shipment("fragile", new BigDecimal("2.50"), BigInteger.valueOf(1999))));
    assertArrayEquals(new Object[] {"T1", 7L, "fragile", new BigDecimal("2.500"), new BigDecimal("19.99"),
        SHIPPED.toEpochMilli(), (int) LocalDate.parse("2025-03-02").toEpochDay(), "SEA", "k", 1, 42L,
        row[row.length - 1]}, row);
  }

  @Test
  void confluentFramedValuesAreReadWithTheConfiguredSchemaWhateverTheirSchemaId() throws Exception {
    byte[] plain = plain(shipment(null, new BigDecimal("-0.75"), BigInteger.valueOf(-5)));
    Object[] row = decode(framed(12345, plain));
    assertEquals(Arrays.asList(decode(plain)), Arrays.asList(row));
    assertEquals(null, row[2], "a null union branch is NULL");
    assertEquals(new BigDecimal("-0.750"), row[3]);
    assertEquals(new BigDecimal("-0.05"), row[4]);
  }

  @Test
  void plainValueStartingWithAZeroByteIsNotMistakenForAFrame() throws Exception {
    byte[] plain = plain(shipment(null, new BigDecimal("1.00"), BigInteger.ONE));
    assertEquals(0, plain[0], "a null first field is written as branch 0");
    assertEquals("T1", decode(plain)[0]);
  }

  @Test
  void truncatedOrOverlongValuesAreRejectedWithTheReason() throws Exception {
    byte[] plain = plain(shipment("x", BigDecimal.ONE, BigInteger.ONE));
    assertEquals("value is not Avro of the configured schema: the value ends inside the record",
        rejected(Arrays.copyOf(plain, plain.length - 3)));
    assertEquals("value is not Avro of the configured schema: bytes are left after the record (written with another"
        + " schema?)", rejected(Arrays.copyOf(plain, plain.length + 2)));
    String neither = rejected(framed(7, Arrays.copyOf(plain, 4)));
    assertTrue(neither.startsWith("value is not Avro of the configured schema, neither Confluent-framed (schema id 7:"
        + " the value ends inside the record") && neither.contains(") nor plain: "), neither);
  }

  @Test
  void impossibleLengthsAreRejectedBeforeAnythingIsAllocated() {
    // note "a", tracking "b", customer_id 1, then weight_kg claiming 500,000,000 bytes
    byte[] hugeBytes = {2, 2, 'a', 2, 'b', 2, (byte) 0x80, (byte) 0x94, (byte) 0xeb, (byte) 0xdc, 3};
    assertEquals("value is not Avro of the configured schema: the value ends inside the record (bytes of 500000000"
        + " bytes, 0 left)", rejected(hugeBytes));
    byte[] hugeString = {2, (byte) 0xfe, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 'x'};
    assertEquals("value is not Avro of the configured schema: the value ends inside the record (a string of"
        + " 2147483647 bytes, 1 left)", rejected(hugeString));
    assertEquals("value is not Avro of the configured schema: a string with a negative length (-2)",
        rejected(new byte[] {2, 3, 'x', 'y', 'z', 0}));
  }

  @Test
  void decimalBytesHoldingMoreDigitsThanTheColumnAreRejected() throws Exception {
    assertEquals("column `weight_kg`: 123456.78 does not fit decimal(8,3)",
        rejected(plain(shipment(null, new BigDecimal("123456.78"), BigInteger.ONE))));
  }
}
