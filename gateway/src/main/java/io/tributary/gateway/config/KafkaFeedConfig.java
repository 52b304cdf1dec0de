package io.tributary.gateway.config;

import java.util.Map;

/**
 * The Kafka feed of contracts: records keyed by contract id, or {@code <id>/v<major>} for one major;
 * a tombstone retires what its key names.
 *
 * @param topic the topic, read from the beginning at every start
 * @param connection {@code bootstrap.servers} and any other Kafka consumer setting (SASL, TLS, ...)
 */
public record KafkaFeedConfig(String topic, Map<String, String> connection) {
  public KafkaFeedConfig {
    connection = connection == null ? Map.of() : Map.copyOf(connection);
  }
}
