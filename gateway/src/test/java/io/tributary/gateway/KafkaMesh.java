package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import io.tributary.testkit.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A gateway over the JVM's shared Kafka broker and a PostgreSQL store: domain `customers`
 * (PostgreSQL) and domain `logistics` (Kafka) publishing `shipments` (events, 2 partitions),
 * `accounts` (entity), `scans` (events, for malformed records) and `parcels` (events, for broker
 * restarts), plus the topics and tables a test adds. Each test owns its topics, so tests do not see
 * each other's records.
 */
final class KafkaMesh implements AutoCloseable {
  static final String CRM_DB = "tributary_it_kafka_crm";

  private final KafkaBroker broker;
  private final Gateway gateway;
  private final KafkaProducer<byte[], byte[]> producer;

  private KafkaMesh(KafkaBroker broker, Gateway gateway) {
    this.broker = broker;
    this.gateway = gateway;
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.LINGER_MS_CONFIG, 0), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Creates the topics (fresh names per mesh) and starts a gateway reading them. */
  static KafkaMesh start(String topicPrefix) throws Exception {
    return start(topicPrefix, Map.of(), "");
  }

  /**
   * Also creates {@code extraTopics} (name after the prefix, and partitions) and publishes
   * {@code extraTables} in domain `logistics`: YAML list items written from column 0.
   */
  static KafkaMesh start(String topicPrefix, Map<String, Integer> extraTopics, String extraTables) throws Exception {
    KafkaBroker broker = KafkaBroker.shared();
    List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(topicPrefix + "shipments", 2, (short) 1),
        new NewTopic(topicPrefix + "accounts", 1, (short) 1), new NewTopic(topicPrefix + "scans", 1, (short) 1),
        new NewTopic(topicPrefix + "parcels", 1, (short) 1)));
    extraTopics.forEach((name, partitions) -> topics.add(new NewTopic(topicPrefix + name, partitions, (short) 1)));
    try (Admin admin = admin(broker)) {
      admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
    }
    DatabaseServer postgres = DatabaseServers.postgres();
    postgres.createDatabase(CRM_DB);
    try (Connection c = postgres.connect(CRM_DB)) {
      ShopData.createCustomers(c);
    }
    String yaml = """
        domains:
          - name: customers
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%1$s", user: "%2$s", password: "%3$s"}
            tables: [customers]
          - name: logistics
            owner: {team: logistics, contact: logistics@example.com}
            adapter: kafka
            connection: {bootstrap.servers: "%4$s", request.timeout.ms: "5000"}
            tables:
              - name: shipments
                source: %5$sshipments
                options:
                  kind: events
                  columns: {tracking: varchar, customer_id: integer, carrier: varchar, weight_kg: "decimal(6,2)", shipped_at: timestamp}
              - name: accounts
                source: %5$saccounts
                options:
                  kind: entity
                  columns: {name: varchar, tier: varchar, credit: bigint}
              - name: scans
                source: %5$sscans
                options: {kind: events, columns: {parcel: varchar, station: integer}}
              - name: parcels
                source: %5$sparcels
                options: {kind: events, maxRows: 100000, retention: 7d, columns: {parcel: varchar}}
        """.formatted(postgres.jdbcUrl(CRM_DB), postgres.user(), postgres.password(), broker.bootstrapServers(),
        topicPrefix) + extraTables.indent(6);
    return new KafkaMesh(broker, TestGateways.start("kafka-mesh.yaml", yaml));
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  KafkaBroker broker() {
    return broker;
  }

  Gateway gateway() {
    return gateway;
  }

  /** An admin client of the shared broker; the caller closes it. */
  static Admin admin(KafkaBroker broker) {
    return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  /** Sends a record and waits for the broker's acknowledgement; a null value is a tombstone. */
  RecordMetadata send(String topic, String key, String value) throws Exception {
    return sendAsync(topic, key, value).get(60, TimeUnit.SECONDS);
  }

  /** Sends a binary value to a chosen partition (null: the key's) and waits for the acknowledgement. */
  RecordMetadata send(String topic, Integer partition, String key, byte[] value) throws Exception {
    return producer.send(new ProducerRecord<>(topic, partition, bytes(key), value)).get(60, TimeUnit.SECONDS);
  }

  Future<RecordMetadata> sendAsync(String topic, String key, String value) {
    return producer.send(new ProducerRecord<>(topic, bytes(key), bytes(value)));
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
    gateway.close();
  }
}
