package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Eventually;
import io.tributary.testkit.KafkaBroker;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contracts on a Kafka topic, keyed by contract id or by {@code <id>/v<major>}: published live,
 * retired by a tombstone on the same key.
 */
class KafkaFeedTest {
  private static final String TOPIC = "contracts-" + ProcessHandle.current().pid();

  @TempDir
  static Path contracts;
  private static KafkaProducer<String, String> producer;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    send("customers-before_start", ContractText.keyed("customers", "before_start", "1.0.0"));
    mesh = FeedMesh.start("kafka_feed", contracts, kafkaFeed(broker.bootstrapServers()));
  }

  @AfterAll
  static void stop() {
    producer.close();
    mesh.close();
  }

  @Test
  void recordsOnTheTopicBeforeStartUpArePublished() throws Exception {
    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("customers", "before_start"), Optional::isPresent);
  }

  @Test
  void contractRecordsKeyedByIdArePublishedAndATombstoneOnTheIdRetiresEveryMajor() throws Exception {
    send("orders-shipped", ContractText.keyed("orders", "shipped", "1.0.0", "status status varchar(20)"));
    send("orders-shipped", ContractText.keyed("orders", "shipped", "2.0.0", "state status varchar(20)"));
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT id FROM orders.shipped_v1 WHERE status = 'shipped'"),
        List.of("11")::equals);
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT id FROM orders.shipped WHERE state = 'shipped'"),
        List.of("11")::equals);

    send("orders-shipped", null);

    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("orders", "shipped"), Optional::isEmpty);
  }

  @Test
  void recordsKeyedByMajorKeepBothMajorsAndATombstoneOnOneRetiresOnlyThatMajor() throws Exception {
    send("orders-editions/v1", ContractText.keyed("orders", "editions", "1.0.0", "status status varchar(20)"));
    send("orders-editions/v2", ContractText.keyed("orders", "editions", "2.0.0", "state status varchar(20)"));
    Eventually.until(FeedMesh.WITHIN, () -> majors("orders", "editions"), Set.of(1, 2)::equals);

    send("orders-editions/v1", null);

    Eventually.until(FeedMesh.WITHIN, () -> majors("orders", "editions"), Set.of(2)::equals);
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT id FROM orders.editions_v2 WHERE state = 'placed'"),
        List.of("12")::equals);
  }

  @Test
  void recordKeyedByAnotherMajorThanItsContractsIsRefusedNamingTheRightKey() throws Exception {
    RecordMetadata misfiled = send("orders-misfiled/v2", ContractText.keyed("orders", "misfiled", "1.3.0"));

    assertEquals(origin(misfiled) + ": version: 1.3.0 is of major 1 but the record's key `orders-misfiled/v2` names"
        + " major 2; key it `orders-misfiled/v1`", refusal(misfiled));
    assertTrue(mesh.product("orders", "misfiled").isEmpty());
  }

  @Test
  void malformedRecordIsRefusedWithItsPartitionAndOffsetAndLaterRecordsApply() throws Exception {
    RecordMetadata malformed = send("customers-garbled", "{\"apiVersion\": \"v3.0.2\", \"kind\": ");
    send("customers-after_garbled", ContractText.keyed("customers", "after_garbled", "1.0.0"));

    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("customers", "after_garbled"), Optional::isPresent);
    String refusal = refusal(malformed);
    assertTrue(refusal.startsWith(origin(malformed) + ": "), refusal);
    assertTrue(mesh.product("customers", "garbled").isEmpty());
  }

  @Test
  void recordKeyedByAnotherIdIsRefused() throws Exception {
    RecordMetadata wrongKey = send("customers-someone_else", ContractText.keyed("customers", "mislabelled", "1.0.0"));

    assertEquals(origin(wrongKey) + ": id: is `customers-mislabelled` but the record's key `customers-someone_else`"
        + " names contract `customers-someone_else`; key each record by its contract's id, or by `<id>/v<major>` for"
        + " one major", refusal(wrongKey));
    assertTrue(mesh.product("customers", "mislabelled").isEmpty());
  }

  @Test
  void gatewayStartsAndServesItsApiWhileTheContractsBrokerIsUnreachable(@TempDir Path otherContracts)
      throws Exception {
    long started = System.nanoTime();
    try (FeedMesh cut = FeedMesh.start("kafka_feed_down", otherContracts, kafkaFeed("127.0.0.1:" + freePort()))) {
      assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20, "start-up waits for no broker");
      assertEquals(201, cut.http("PUT", "/api/products/orders/offline", ContractText.keyed("orders", "offline", "1.0.0"))
          .statusCode());
    }
  }

  private static String kafkaFeed(String bootstrap) {
    return """
          kafka:
            topic: %s
            connection: {bootstrap.servers: "%s", request.timeout.ms: "5000"}
        """.formatted(TOPIC, bootstrap);
  }

  /** The majors of the product served now; none when it is not. */
  private static Set<Integer> majors(String domain, String product) {
    return mesh.product(domain, product).map(p -> p.majors().keySet()).orElse(Set.of());
  }

  /** Where the feed says this record came from. */
  private static String origin(RecordMetadata record) {
    return "kafka:" + TOPIC + " partition " + record.partition() + " offset " + record.offset();
  }

  /** Why the feed refused this record, once it has read it. */
  private static String refusal(RecordMetadata record) throws Exception {
    String origin = origin(record);
    return Eventually.until(FeedMesh.WITHIN, () -> mesh.rejections().stream()
        .filter(r -> r.path("origin").asText().equals(origin)).findFirst(), Optional::isPresent)
        .orElseThrow().path("message").asText();
  }

  private static RecordMetadata send(String key, String value) throws Exception {
    return producer.send(new ProducerRecord<>(TOPIC, key, value)).get(60, TimeUnit.SECONDS);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
