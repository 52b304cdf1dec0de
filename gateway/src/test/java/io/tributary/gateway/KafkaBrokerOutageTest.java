package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The broker goes away and comes back: the gateway serves what it knew, then catches up exactly. */
class KafkaBrokerOutageTest {
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final String PREFIX = "outage_test_";

  private static KafkaMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = KafkaMesh.start(PREFIX);
  }

  @AfterAll
  static void stop() {
    mesh.broker().start();
    mesh.close();
  }

  @Test
  void recordsProducedWhileTheBrokerWasDownArriveOnceEach() throws Exception {
    String topic = PREFIX + "parcels";
    for (int i = 0; i < 5; i++) {
      mesh.send(topic, "k" + i, "{\"parcel\": \"before-" + i + "\"}");
    }
    String count = "SELECT count(*), count(DISTINCT _offset) FROM logistics.parcels";
    try (Connection c = mesh.connect()) {
      Eventually.until(WITHIN, () -> Rows.of(c, count), List.of("5 | 5")::equals);

      mesh.broker().stop();
      Eventually.until(WITHIN, () -> Rows.of(c, "SELECT status FROM tributary.domains WHERE domain = 'logistics'"),
          List.of("DOWN")::equals);
      assertEquals(List.of("5 | 5"), Rows.of(c, count), "last known state while the broker is down");
      assertEquals(List.of("5 | 5"), Rows.of(c, "SELECT count(*), count(DISTINCT _offset) FROM logistics.parcels p"
          + " JOIN customers.customers cu ON cu.id = 1"), "other domains still serve");
      List<String> state = Rows.of(c, "SELECT state FROM tributary.topics WHERE table_name = 'parcels'");
      assertTrue(state.get(0).startsWith("last known state"), state.toString());
      // The session can read its queries' warnings; the driver's getWarnings() reads them by statement id.
      List<String> warnings = Rows.of(c, "SELECT query, warning FROM tributary.warnings WHERE statement_id IS NOT NULL");
      assertTrue(warnings.stream().anyMatch(w -> w.startsWith(count + " | ") && isStaleParcels(w.substring(count.length() + 3))),
          warnings.toString());

      // JDBC's own API: a plain statement, then the same statement on a healthy table.
      try (Statement statement = c.createStatement()) {
        try (ResultSet rows = statement.executeQuery(count)) {
          assertEquals(List.of("5 | 5"), Rows.read(rows));
          assertStaleParcels(statement.getWarnings());
          assertStaleParcels(rows.getWarnings());
        }
        assertTrue(statement.execute("SELECT name FROM customers.customers WHERE id = 1"));
        assertNull(statement.getWarnings(), "a new execution reading nothing degraded");
      }
      try (Statement healthy = c.createStatement(); ResultSet rows = healthy.executeQuery("SELECT count(*) FROM customers.customers")) {
        assertNull(healthy.getWarnings(), "a healthy table on the same connection");
        assertNull(rows.getWarnings());
      }
      // A prepared statement warns on each execution; clearWarnings() clears; it outlives the outage below.
      PreparedStatement prepared = c.prepareStatement(count);
      try (ResultSet rows = prepared.executeQuery()) {
        assertStaleParcels(prepared.getWarnings());
        prepared.clearWarnings();
        assertNull(prepared.getWarnings());
      }
      assertTrue(prepared.execute());
      assertStaleParcels(prepared.getWarnings());

      // Sent while the broker is down: the producer holds them until it is back.
      ExecutorService producing = Executors.newSingleThreadExecutor();
      Future<List<RecordMetadata>> whileDown = producing.submit(() -> {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> sent.add(mesh.sendAsync(topic, "d" + i, "{\"parcel\": \"down-" + i + "\"}")));
        List<RecordMetadata> acknowledged = new ArrayList<>();
        for (Future<RecordMetadata> record : sent) {
          acknowledged.add(record.get());
        }
        return acknowledged;
      });
      mesh.broker().start();
      assertEquals(5, whileDown.get(60, TimeUnit.SECONDS).size());
      producing.shutdown();
      mesh.send(topic, "after", "{\"parcel\": \"after\"}");

      Eventually.until(WITHIN, () -> Rows.of(c, count), List.of("11 | 11")::equals);
      assertEquals(List.of("0 | 10"), Rows.of(c, "SELECT min(_offset), max(_offset) FROM logistics.parcels"));
      Eventually.until(WITHIN, () -> Rows.of(c, "SELECT status FROM tributary.domains WHERE domain = 'logistics'"),
          List.of("UP")::equals);
      try (ResultSet rows = prepared.executeQuery()) {
        assertEquals(List.of("11 | 11"), Rows.read(rows));
        assertNull(prepared.getWarnings(), "the table is fresh again: the new execution has no warning");
      } finally {
        prepared.close();
      }
      try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(count)) {
        assertNull(statement.getWarnings());
      }
    }
  }

  private static void assertStaleParcels(SQLWarning warning) {
    assertNotNull(warning, "a query on the topic table while the broker is down carries a warning");
    assertTrue(isStaleParcels(warning.getMessage()), warning.getMessage());
    assertEquals("01000", warning.getSQLState());
    assertNull(warning.getNextWarning(), "one degraded table, one warning");
  }

  private static boolean isStaleParcels(String warning) {
    return warning.startsWith("domain `logistics`: Kafka at ")
        && warning.endsWith("logistics.parcels shows the last known state");
  }
}
