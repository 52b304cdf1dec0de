package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kafka topics as tables through the JDBC driver: joins, entity semantics, bad records, new partitions. */
class KafkaTopicsTest {
  /** The bound on send() to visible, with slack for a loaded CI machine. */
  private static final Duration VISIBLE = Duration.ofSeconds(10);
  /** The consumer's metadata refresh (5 s) plus its once-a-second check, with slack for a loaded machine. */
  private static final Duration PARTITION_FOUND = Duration.ofSeconds(30);
  private static final String PREFIX = "topics_test_";

  private static KafkaMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = KafkaMesh.start(PREFIX);
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void eventsTopicJoinsAPostgresTable() throws Exception {
    mesh.send(PREFIX + "shipments", "s1",
        "{\"tracking\": \"T1\", \"customer_id\": 1, \"carrier\": \"DHL\", \"weight_kg\": 2.5, \"shipped_at\": \"2025-03-01T10:00:00Z\"}");
    mesh.send(PREFIX + "shipments", "s2",
        "{\"tracking\": \"T2\", \"customer_id\": 2, \"carrier\": \"UPS\", \"weight_kg\": 0.75, \"shipped_at\": 1740823200000}");
    mesh.send(PREFIX + "shipments", "s3", "{\"tracking\": \"T3\", \"customer_id\": 1, \"carrier\": \"DPD\"}");
    String sql = "SELECT c.name, s.tracking, s.carrier, s.weight_kg, s.shipped_at"
        + " FROM logistics.shipments s JOIN customers.customers c ON s.customer_id = c.id ORDER BY s.tracking";
    try (Connection c = mesh.connect()) {
      List<String> rows = Eventually.until(VISIBLE, () -> Rows.of(c, sql), r -> r.size() == 3);
      assertEquals(List.of(
          "Customer 1 | T1 | DHL | 2.5 | 2025-03-01 10:00:00.0",
          "Customer 2 | T2 | UPS | 0.75 | 2025-03-01 10:00:00.0",
          "Customer 1 | T3 | DPD | null | null"), rows);
      assertEquals(List.of("3"), Rows.of(c, "SELECT count(*) FROM logistics.shipments"
          + " WHERE _partition IN (0, 1) AND _offset >= 0 AND _key LIKE 's_' AND _timestamp IS NOT NULL"));
    }
  }

  @Test
  void entityTopicKeepsTheLatestValuePerKeyAndTombstonesDelete() throws Exception {
    String topic = PREFIX + "accounts";
    mesh.send(topic, "a1", "{\"name\": \"Ada\", \"tier\": \"basic\", \"credit\": 10}");
    mesh.send(topic, "a2", "{\"name\": \"Bob\", \"tier\": \"basic\", \"credit\": 20}");
    mesh.send(topic, "a3", "{\"name\": \"Cy\", \"tier\": \"basic\", \"credit\": 30}");
    mesh.send(topic, "a1", "{\"name\": \"Ada\", \"tier\": \"gold\", \"credit\": 11}");
    mesh.send(topic, "a2", null);
    try (Connection c = mesh.connect()) {
      String sql = "SELECT _key, name, tier, credit FROM logistics.accounts ORDER BY _key";
      List<String> expected = List.of("a1 | Ada | gold | 11", "a3 | Cy | basic | 30");
      assertEquals(expected, Eventually.until(VISIBLE, () -> Rows.of(c, sql), expected::equals));
      mesh.send(topic, "a2", "{\"name\": \"Bob\", \"tier\": \"silver\", \"credit\": 21}");
      List<String> back = List.of("a1 | Ada | gold | 11", "a2 | Bob | silver | 21", "a3 | Cy | basic | 30");
      assertEquals(back, Eventually.until(VISIBLE, () -> Rows.of(c, sql), back::equals));
    }
  }

  @Test
  void malformedRecordsAreCountedAndListedWhileOthersApply() throws Exception {
    String topic = PREFIX + "scans";
    mesh.send(topic, "p1", "{\"parcel\": \"P1\", \"station\": 4}");
    long notJson = mesh.send(topic, "p2", "station 4, parcel P2").offset();
    long wrongType = mesh.send(topic, "p3", "{\"parcel\": \"P3\", \"station\": \"four\"}").offset();
    mesh.send(topic, "p4", "{\"parcel\": \"P4\", \"station\": 5, \"extra\": true}");
    try (Connection c = mesh.connect()) {
      List<String> expected = List.of("P1 | 4", "P4 | 5");
      assertEquals(expected, Eventually.until(VISIBLE,
          () -> Rows.of(c, "SELECT parcel, station FROM logistics.scans ORDER BY parcel"), expected::equals));
      List<String> rejected = Rows.of(c, "SELECT domain, table_name, topic, record_partition, record_offset, reason"
          + " FROM tributary.rejected_records WHERE table_name = 'scans' ORDER BY record_offset");
      assertEquals(2, rejected.size(), rejected.toString());
      assertTrue(rejected.get(0).startsWith("logistics | scans | " + topic + " | 0 | " + notJson + " | value is not JSON"),
          rejected.get(0));
      assertTrue(rejected.get(1).startsWith("logistics | scans | " + topic + " | 0 | " + wrongType
          + " | column `station`: expected integer, got \"four\""), rejected.get(1));
      assertEquals(List.of("events | 2 | 2 | 4 | 4 | 0 | live"), Rows.of(c, "SELECT kind, rows_held, records_rejected,"
          + " end_offsets, consumed_offsets, consumer_lag, state FROM tributary.topics WHERE table_name = 'scans'"));
    }
  }

  @Test
  void recordsInPartitionsAddedWhileRunningBecomeRows() throws Exception {
    String topic = PREFIX + "parcels";
    mesh.send(topic, "p0", "{\"parcel\": \"first\"}");
    String sql = "SELECT parcel, _partition, _offset FROM logistics.parcels ORDER BY parcel";
    try (Connection c = mesh.connect()) {
      Eventually.until(VISIBLE, () -> Rows.of(c, sql), List.of("first | 0 | 0")::equals);

      try (Admin admin = KafkaMesh.admin(mesh.broker())) {
        admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(3))).all().get(30, TimeUnit.SECONDS);
      }
      mesh.send(topic, 2, "p2", "{\"parcel\": \"second\"}".getBytes(StandardCharsets.UTF_8));
      mesh.send(topic, 1, "p1", "{\"parcel\": \"third\"}".getBytes(StandardCharsets.UTF_8));

      List<String> all = List.of("first | 0 | 0", "second | 2 | 0", "third | 1 | 0");
      assertEquals(all, Eventually.until(PARTITION_FOUND, () -> Rows.of(c, sql), all::equals));
      List<String> status = List.of("3 | 3 | 0");
      assertEquals(status, Eventually.until(VISIBLE, () -> Rows.of(c, "SELECT partitions, end_offsets, consumer_lag"
          + " FROM tributary.topics WHERE table_name = 'parcels'"), status::equals));
    }
  }
}
