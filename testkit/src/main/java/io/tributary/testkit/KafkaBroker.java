package io.tributary.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) in a child JVM
 * on the broker's own class path, listening on free loopback ports. Its data survives
 * {@link #stop()} and {@link #start()}, so tests can take it away and bring it back.
 *
 * <pre>{@code
 * String bootstrap = KafkaBroker.shared().bootstrapServers();
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
  /** The broker version the {@code testkit/kafka-broker} module copies. */
  static final String VERSION = "4.3.1";
  private static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

  private static KafkaBroker shared; // guarded by KafkaBroker.class

  private final Path lib;
  private final Path dir;
  private final int port;
  private BrokerProcess process; // guarded by this

  private KafkaBroker(Path lib, Path dir, int port) {
    this.lib = lib;
    this.dir = dir;
    this.port = port;
  }

  /**
   * The broker every test in this JVM shares, started on first use with its data under
   * {@code target/kafka-broker-<pid>} and stopped when the JVM exits.
   */
  public static synchronized KafkaBroker shared() {
    if (shared == null) {
      Path dir = Path.of("target", "kafka-broker-" + ProcessHandle.current().pid()).toAbsolutePath();
      shared = create(dir);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "kafka-broker-shutdown"));
      shared.start();
    }
    return shared;
  }

  /** A new, formatted broker with its data under {@code dir}; call {@link #start()}. */
  public static KafkaBroker create(Path dir) {
    Path lib = BrokerDistribution.lib();
    try {
      Files.createDirectories(dir);
      KafkaBroker broker = new KafkaBroker(lib, dir, freePort());
      Files.writeString(broker.properties(), broker.serverProperties(freePort()));
      BrokerProcess.start(lib, broker.log(), "kafka.tools.StorageTool",
              "format", "-t", UUID.randomUUID().toString(), "-c", broker.properties().toString())
          .awaitSuccess("formatting Kafka storage in " + dir, broker.log());
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare a Kafka broker in " + dir, e);
    }
  }

  /** Starts the broker (again) on its port and waits until it answers. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    long started = System.nanoTime();
    process = BrokerProcess.start(lib, log(), "kafka.Kafka", properties().toString());
    awaitReady();
    LOG.info("Kafka broker {} ready at {} in {} ms (data {}, log {})", VERSION, bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), dir, log());
  }

  /** Stops the broker, keeping its data; {@link #start()} brings it back on the same port. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
      LOG.info("Kafka broker at {} stopped", bootstrapServers());
    }
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  /** Stops the broker; its data stays under the directory it was created with. */
  @Override
  public void close() {
    stop();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      while (true) {
        if (!process.isAlive()) {
          throw new ServiceStartException("Kafka broker exited during start-up; see " + log());
        }
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException notYet) {
          if (System.nanoTime() > deadline) {
            stop();
            throw new ServiceStartException("Kafka broker did not answer at " + bootstrapServers() + " within "
                + READY_TIMEOUT.toSeconds() + " s; see " + log());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceStartException("Interrupted while starting the Kafka broker", e);
    }
  }

  private String serverProperties(int controllerPort) {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@%1$s:%3$d
        listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
        advertised.listeners=PLAINTEXT://%1$s:%2$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        log.dirs=%4$s
        num.partitions=1
        offsets.topic.replication.factor=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        """.formatted(HOST, port, controllerPort, dir.resolve("data"));
  }

  private Path properties() {
    return dir.resolve("server.properties");
  }

  private Path log() {
    return dir.resolve("broker.log");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }
}
