package io.tributary.gateway.cli;

import io.tributary.testkit.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's Kafka side: a real broker (KRaft) in a child JVM on a free port, with data in a
 * temporary directory, and topic {@value #TOPIC} fed with a shipment of an existing order every
 * few seconds. The demo configuration names the broker as {@code ${TRIBUTARY_DEMO_KAFKA}}.
 */
final class DemoShipments implements AutoCloseable {
  /** The variable the demo configuration reads the broker's address from. */
  static final String BOOTSTRAP_VARIABLE = "TRIBUTARY_DEMO_KAFKA";
  static final String TOPIC = "shipments";
  private static final int INITIAL_SHIPMENTS = 200;
  private static final Duration EVERY = Duration.ofSeconds(3);
  private static final List<String> CARRIERS = List.of("DHL", "UPS", "DPD", "GLS", "PostNL", "FedEx");
  private static final Logger LOG = LoggerFactory.getLogger(DemoShipments.class);

  private final KafkaBroker broker;
  private final Runnable release;
  private final KafkaProducer<String, String> producer;
  private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "demo-shipments");
    thread.setDaemon(true);
    return thread;
  });
  private final Random random = new Random(42);
  private long nextId = 1; // feeder thread only, after the initial batch

  private DemoShipments(KafkaBroker broker, Runnable release) {
    this.broker = broker;
    this.release = release;
    this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
        new StringSerializer(), new StringSerializer());
  }

  /** Starts the broker, creates the topic, sends the first shipments and starts feeding more. */
  static DemoShipments start() throws Exception {
    Path dir = Files.createTempDirectory("tributary-demo-kafka");
    KafkaBroker broker = KafkaBroker.create(dir);
    broker.start();
    return feeding(broker, () -> {
      broker.close();
      delete(dir);
    });
  }

  /**
   * Creates the topic on a running {@code broker}, sends the first shipments and starts feeding
   * more; {@link #close()} stops the feed and then runs {@code release}.
   */
  static DemoShipments feeding(KafkaBroker broker, Runnable release) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    DemoShipments shipments = new DemoShipments(broker, release);
    for (int i = 0; i < INITIAL_SHIPMENTS; i++) {
      shipments.send();
    }
    shipments.feeder.scheduleAtFixedRate(shipments::send, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return shipments;
  }

  /** {@code environment} with {@value #BOOTSTRAP_VARIABLE} set to this broker. */
  UnaryOperator<String> environment(UnaryOperator<String> environment) {
    return name -> BOOTSTRAP_VARIABLE.equals(name) ? broker.bootstrapServers() : environment.apply(name);
  }

  private void send() {
    long id = nextId++;
    String shipment = """
        {"shipment_id": %d, "order_id": %d, "carrier": "%s", "shipped_at": "%s"}"""
        .formatted(id, 1 + random.nextInt(DemoMesh.ORDERS), CARRIERS.get(random.nextInt(CARRIERS.size())), Instant.now());
    producer.send(new ProducerRecord<>(TOPIC, Long.toString(id), shipment), (metadata, failure) -> {
      if (failure != null) {
        LOG.warn("demo shipment {} was not sent: {}", id, failure.getMessage());
      }
    });
  }

  @Override
  public void close() {
    feeder.shutdownNow();
    producer.close(Duration.ofSeconds(5));
    release.run();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete the demo broker's data in {}: {}", dir, e.getMessage());
    }
  }
}
