package io.tributary.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Kafka broker's own jars are: copied by the {@code testkit/kafka-broker} module into
 * its {@code target/kafka-broker/lib} at build time, and used only as a child JVM's class path.
 */
final class BrokerDistribution {
  /** Overrides the search, for running outside the checkout. */
  static final String LIB_PROPERTY = "tributary.kafka.broker.lib";
  static final String RELATIVE_LIB = "testkit/kafka-broker/target/kafka-broker/lib";

  private BrokerDistribution() {}

  /** The broker's lib directory, found from the system property or by walking up from the working directory. */
  static Path lib() {
    String configured = System.getProperty(LIB_PROPERTY);
    if (configured != null) {
      return requireJars(Path.of(configured));
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(RELATIVE_LIB))) {
        return requireJars(dir.resolve(RELATIVE_LIB));
      }
    }
    throw new ServiceStartException("Cannot start a Kafka broker: no " + RELATIVE_LIB + " in " + start
        + " or any parent; build it with `mvn -B -q install -pl testkit/kafka-broker` or set -D"
        + LIB_PROPERTY + "=<dir of kafka_2.13 jars>");
  }

  private static Path requireJars(Path lib) {
    if (!Files.isRegularFile(lib.resolve("kafka_2.13-" + KafkaBroker.VERSION + ".jar"))) {
      throw new ServiceStartException("Cannot start a Kafka broker: " + lib + " holds no kafka_2.13-"
          + KafkaBroker.VERSION + ".jar; rebuild it with `mvn -B -q install -pl testkit/kafka-broker`");
    }
    return lib;
  }
}
