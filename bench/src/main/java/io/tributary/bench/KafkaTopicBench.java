package io.tributary.bench;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.testkit.KafkaBroker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The kafka adapter's numbers on this machine, against a real broker: send() to visible in a
 * query through the JDBC driver (median, p99 over 1,000 records), ingest rate catching up on a
 * topic of a million records, and heap per million rows held.
 *
 * <pre>
 * mvn -B -q install -pl bench -am -DskipTests
 * mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx4g -cp bench/target/classes:$(cat bench/target/cp.txt) io.tributary.bench.KafkaTopicBench
 * </pre>
 */
public final class KafkaTopicBench {
  private static final int LATENCY_RECORDS = 1_000;
  private static final int INGEST_RECORDS = 1_000_000;

  private KafkaTopicBench() {}

  public static void main(String[] args) throws Exception {
    try (KafkaBroker broker = KafkaBroker.create(Path.of("target", "bench-kafka-" + ProcessHandle.current().pid()))) {
      broker.start();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("latency", 1, (short) 1), new NewTopic("ingest", 3, (short) 1)))
            .all().get(30, TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5,
          ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new StringSerializer())) {
        long produced = System.nanoTime();
        for (int i = 0; i < INGEST_RECORDS; i++) {
          producer.send(new ProducerRecord<>("ingest", Integer.toString(i), shipment(i)));
        }
        producer.flush();
        System.out.printf("produced %,d records in %d ms%n", INGEST_RECORDS, millisSince(produced));
        long heapBefore = usedHeap();
        try (Gateway gateway = start(broker.bootstrapServers());
             Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort())) {
          measureIngest(c, heapBefore);
          measureLatency(c, producer);
        }
      }
    }
  }

  private static void measureIngest(Connection c, long heapBefore) throws Exception {
    long started = System.nanoTime();
    while (held(c, "ingest") < INGEST_RECORDS) {
      Thread.sleep(20);
    }
    long millis = millisSince(started);
    System.out.printf("ingest: %,d records applied in %,d ms = %,d records/s (from gateway start, decode JSON + apply)%n",
        INGEST_RECORDS, millis, INGEST_RECORDS * 1000L / Math.max(1, millis));
    long heap = usedHeap() - heapBefore;
    long estimated = single(c, "SELECT memory_bytes FROM tributary.topics WHERE table_name = 'ingest'");
    System.out.printf("memory: %,d bytes of heap per million rows held (adapter's estimate %,d; 4 declared + 4 metadata columns)%n",
        heap * 1_000_000L / INGEST_RECORDS, estimated * 1_000_000L / INGEST_RECORDS);
  }

  private static void measureLatency(Connection c, KafkaProducer<String, String> producer) throws Exception {
    Latencies latencies = new Latencies(LATENCY_RECORDS);
    try (PreparedStatement visible = c.prepareStatement("SELECT count(*) FROM bench.latency WHERE shipment_id = ?")) {
      for (int i = 0; i < LATENCY_RECORDS; i++) {
        long sent = System.nanoTime();
        producer.send(new ProducerRecord<>("latency", Integer.toString(i), shipment(i)));
        visible.setLong(1, i);
        while (true) {
          try (ResultSet rs = visible.executeQuery()) {
            rs.next();
            if (rs.getLong(1) == 1) {
              break;
            }
          }
        }
        latencies.add(System.nanoTime() - sent);
      }
    }
    System.out.println("send() to visible in a JDBC query: " + latencies.summary());
  }

  private static Gateway start(String bootstrap) throws Exception {
    String yaml = """
        gateway: {bind: 127.0.0.1, jdbc: {port: 0}, flight: {port: 0}, http: {port: 0}}
        domains:
          - name: bench
            owner: {team: bench, contact: bench@example.com}
            adapter: kafka
            connection: {bootstrap.servers: "%1$s"}
            tables:
              - name: ingest
                options: {kind: events, maxRows: 2000000, maxMemory: 2GB, columns: %2$s}
              - name: latency
                options: {kind: events, columns: %2$s}
        """.formatted(bootstrap, "{shipment_id: bigint, order_id: integer, carrier: varchar, shipped_at: timestamp}");
    DomainAdapters adapters = DomainAdapters.discover();
    return Gateway.start(new ConfigLoader(name -> null, adapters.types()).parse("bench.yaml", yaml), "bench.yaml", adapters);
  }

  private static String shipment(int i) {
    return "{\"shipment_id\": " + i + ", \"order_id\": " + (1 + i % 10_000) + ", \"carrier\": \"carrier-" + (i % 7)
        + "\", \"shipped_at\": \"2025-03-01T10:00:00Z\"}";
  }

  private static long held(Connection c, String table) throws SQLException {
    return single(c, "SELECT rows_held FROM tributary.topics WHERE table_name = '" + table + "'");
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long usedHeap() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}
