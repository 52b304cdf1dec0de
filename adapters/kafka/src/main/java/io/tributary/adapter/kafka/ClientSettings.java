package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A kafka domain's {@code connection}: {@code bootstrap.servers} plus any Kafka consumer setting
 * (SASL, TLS, time-outs, ...), passed to the client as written. Settings that would change how the
 * gateway reads the topics are the adapter's, not the domain's, and are refused.
 */
final class ClientSettings {
  /** The adapter assigns partitions itself and keeps positions in memory: no group, no commits. */
  private static final Set<String> OWNED = Set.of(
      ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
      ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
      ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
      ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG);

  /** How soon partitions added to a topic are read, unless the domain sets {@code metadata.max.age.ms}. */
  private static final String METADATA_MAX_AGE_MS = "5000";

  private ClientSettings() {}

  /** The consumer properties of the domain; fails naming the first setting that is wrong. */
  static Properties consumer(DomainSpec spec) {
    spec.required(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "host:port[,host:port...] of the Kafka cluster");
    Properties properties = new Properties();
    for (Map.Entry<String, String> setting : spec.connection().entrySet()) {
      String key = setting.getKey();
      if (OWNED.contains(key)) {
        throw new InvalidDomainSettingsException(spec.name(), "connection." + key,
            "is set by the kafka adapter itself (it reads every partition from the start, without a consumer group);"
                + " remove it");
      }
      if (!ConsumerConfig.configNames().contains(key)) {
        throw new InvalidDomainSettingsException(spec.name(), "connection." + key,
            "is not a Kafka consumer setting; expected bootstrap.servers or another consumer config"
                + " such as security.protocol, sasl.mechanism, sasl.jaas.config");
      }
      properties.setProperty(key, setting.getValue());
    }
    properties.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // Only when a position is gone (retention deleted it): start again at the oldest record kept.
    properties.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.setProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    properties.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.setProperty(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-" + spec.name());
    // Partitions added to a topic are seen when the client refreshes its metadata: every 5 minutes
    // by Kafka's default, every few seconds here (one small request for the domain's topics).
    properties.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
    return properties;
  }
}
