package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Avro topics as tables through the JDBC driver: plain and Confluent-framed values, bad records, bad settings. */
class KafkaAvroTest {
  private static final Duration VISIBLE = Duration.ofSeconds(10);
  private static final String PREFIX = "avro_test_";
  private static final String SHIPMENT = """
      {"type": "record", "name": "Shipment", "namespace": "com.example.logistics", "fields": [
        {"name": "tracking", "type": "string"},
        {"name": "customer_id", "type": "int"},
        {"name": "carrier", "type": ["null", "string"], "default": null},
        {"name": "weight_kg", "type": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}},
        {"name": "shipped_at", "type": {"type": "long", "logicalType": "timestamp-micros"}},
        {"name": "internal_ref", "type": "long"}
      ]}
      """;
  private static final String SCAN = """
      {"type": "record", "name": "Scan", "fields": [{"name": "parcel", "type": "string"}, {"name": "station", "type": "int"}]}""";
  private static final String TABLES = """
      - name: avro_shipments
        source: %1$savro_shipments
        options:
          kind: events
          format: avro
          columns: {tracking: varchar, customer_id: integer, carrier: varchar, weight_kg: "decimal(6,2)", shipped_at: timestamp}
          avroSchema: |
      %2$s
      - name: avro_scans
        source: %1$savro_scans
        options:
          kind: events
          format: avro
          columns: {parcel: varchar, station: integer}
          avroSchema: %3$s
      """.formatted(PREFIX, SHIPMENT.indent(6).stripTrailing(), SCAN);

  private static KafkaMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = KafkaMesh.start(PREFIX, Map.of("avro_shipments", 2, "avro_scans", 1), TABLES);
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void plainAndConfluentFramedAvroRecordsJoinAPostgresTableWithExactValues() throws Exception {
    String topic = PREFIX + "avro_shipments";
    mesh.send(topic, 0, "s1", plain(shipment("T1", 1, "DHL", "2.50", "2025-03-01T10:00:00.123456Z")));
    mesh.send(topic, 1, "s2", framed(42, plain(shipment("T2", 2, null, "0.75", "2025-03-01T10:00:00Z"))));
    mesh.send(topic, 1, "s3", framed(43, plain(shipment("T3", 1, "UPS", "1234.99", "2024-12-31T23:59:59.999Z"))));
    String sql = "SELECT c.name, s.tracking, s.carrier, s.weight_kg, s.shipped_at, s._partition"
        + " FROM logistics.avro_shipments s JOIN customers.customers c ON s.customer_id = c.id ORDER BY s.tracking";
    try (Connection c = mesh.connect()) {
      List<String> rows = Eventually.until(VISIBLE, () -> Rows.of(c, sql), r -> r.size() == 3);
      assertEquals(List.of(
          "Customer 1 | T1 | DHL | 2.5 | 2025-03-01 10:00:00.123 | 0",
          "Customer 2 | T2 | null | 0.75 | 2025-03-01 10:00:00.0 | 1",
          "Customer 1 | T3 | UPS | 1234.99 | 2024-12-31 23:59:59.999 | 1"), rows);
      assertEquals(List.of("1238.24 | T2"), Rows.of(c, "SELECT sum(weight_kg), min(tracking) FILTER (WHERE carrier IS NULL)"
          + " FROM logistics.avro_shipments"));
      assertEquals(List.of("T1"), Rows.of(c, "SELECT tracking FROM logistics.avro_shipments"
          + " WHERE shipped_at > TIMESTAMP '2025-03-01 10:00:00' AND weight_kg = 2.50"));
    }
  }

  @Test
  void malformedAvroRecordsAreRejectedAndListedWhileLaterRecordsApply() throws Exception {
    String topic = PREFIX + "avro_scans";
    byte[] good = plain(scan("P1", 4));
    mesh.send(topic, null, "p1", good);
    long truncated = mesh.send(topic, null, "p2", Arrays.copyOf(good, good.length - 1)).offset();
    long json = mesh.send(topic, null, "p3", "{\"parcel\": \"P3\", \"station\": 4}".getBytes(StandardCharsets.UTF_8))
        .offset();
    mesh.send(topic, null, "p4", framed(7, plain(scan("P4", 5))));
    try (Connection c = mesh.connect()) {
      List<String> expected = List.of("P1 | 4", "P4 | 5");
      assertEquals(expected, Eventually.until(VISIBLE,
          () -> Rows.of(c, "SELECT parcel, station FROM logistics.avro_scans ORDER BY parcel"), expected::equals));
      List<String> rejected = Rows.of(c, "SELECT record_offset, reason FROM tributary.rejected_records"
          + " WHERE table_name = 'avro_scans' ORDER BY record_offset");
      assertEquals(2, rejected.size(), rejected.toString());
      assertEquals(truncated + " | value is not Avro of the configured schema: the value ends inside the record",
          rejected.get(0));
      assertTrue(rejected.get(1).startsWith(json + " | value is not Avro of the configured schema: "), rejected.get(1));
      assertEquals(List.of("2 | 2 | 0"), Rows.of(c, "SELECT rows_held, records_rejected, consumer_lag"
          + " FROM tributary.topics WHERE table_name = 'avro_scans'"));
    }
  }

  @Test
  void aColumnMissingFromTheAvroSchemaStopsStartUpWithItsPath() {
    String yaml = """
        domains:
          - name: logistics
            owner: {team: logistics, contact: logistics@example.com}
            adapter: kafka
            connection: {bootstrap.servers: "%s"}
            tables:
              - name: shipments
                options:
                  kind: events
                  format: avro
                  avroSchema: '%s'
                  columns: {tracking: varchar, weight_kg: "decimal(6,2)"}
        """.formatted(mesh.broker().bootstrapServers(), SCAN);
    ConfigException e = assertThrows(ConfigException.class, () -> TestGateways.start("avro.yaml", yaml).close());
    assertEquals("avro.yaml: domains[0].tables[0].options.columns.tracking: is not a field of the avroSchema record"
        + " `Scan`; its fields are [parcel, station]", e.getMessage());
  }

  private static GenericRecord shipment(String tracking, int customer, String carrier, String weight, String shipped) {
    Schema schema = new Schema.Parser().parse(SHIPMENT);
    Instant at = Instant.parse(shipped);
    GenericRecord record = new GenericData.Record(schema);
    record.put("tracking", tracking);
    record.put("customer_id", customer);
    record.put("carrier", carrier);
    record.put("weight_kg", ByteBuffer.wrap(new BigDecimal(weight).unscaledValue().toByteArray()));
    record.put("shipped_at", at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
    record.put("internal_ref", 99L);
    return record;
  }

  private static GenericRecord scan(String parcel, int station) {
    GenericRecord record = new GenericData.Record(new Schema.Parser().parse(SCAN));
    record.put("parcel", parcel);
    record.put("station", station);
    return record;
  }

  private static byte[] plain(GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  /** The Confluent wire format: magic byte 0, the schema's registry id, the Avro binary. */
  private static byte[] framed(int schemaId, byte[] plain) {
    return ByteBuffer.allocate(5 + plain.length).put((byte) 0).putInt(schemaId).put(plain).array();
  }
}
