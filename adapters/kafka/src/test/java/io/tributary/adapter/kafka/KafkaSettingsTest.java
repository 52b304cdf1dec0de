package io.tributary.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.adapter.spi.TableSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong kafka settings stop start-up with the path of the setting and what was expected. */
class KafkaSettingsTest {

  private static InvalidDomainSettingsException refused(Map<String, String> connection, Map<String, Object> options) {
    DomainSpec spec = new DomainSpec("logistics", "kafka", connection, List.of(new TableSpec("t", "topic", options)));
    return assertThrows(InvalidDomainSettingsException.class, () -> new KafkaAdapter().open(spec).close());
  }

  private static Map<String, Object> events(Map<String, Object> extra) {
    Map<String, Object> options = new LinkedHashMap<>(Map.of("kind", "events", "columns", Map.of("id", "bigint")));
    options.putAll(extra);
    return options;
  }

  @Test
  void connectionNeedsBootstrapServersAndOnlyConsumerSettingsTheAdapterDoesNotOwn() {
    assertEquals("connection.bootstrap.servers", refused(Map.of(), events(Map.of())).setting());
    assertEquals("connection.group.id",
        refused(Map.of("bootstrap.servers", "h:9092", "group.id", "g"), events(Map.of())).setting());
    assertEquals("connection.sasl.mechanisms",
        refused(Map.of("bootstrap.servers", "h:9092", "sasl.mechanisms", "PLAIN"), events(Map.of())).setting());
  }

  @Test
  void metadataIsRefreshedEveryFewSecondsSoNewPartitionsAreFoundUnlessTheDomainSaysOtherwise() {
    DomainSpec defaults = new DomainSpec("logistics", "kafka", Map.of("bootstrap.servers", "h:9092"), List.of());
    assertEquals("5000", ClientSettings.consumer(defaults).getProperty("metadata.max.age.ms"));
    DomainSpec own = new DomainSpec("logistics", "kafka",
        Map.of("bootstrap.servers", "h:9092", "metadata.max.age.ms", "60000"), List.of());
    assertEquals("60000", ClientSettings.consumer(own).getProperty("metadata.max.age.ms"));
  }

  @Test
  void tableOptionsAreCheckedOneByOne() {
    Map<String, String> ok = Map.of("bootstrap.servers", "127.0.0.1:1");
    assertEquals("tables[0].options.kind", refused(ok, events(Map.of("kind", "stream"))).setting());
    assertEquals("tables[0].options.columns.id",
        refused(ok, events(Map.of("columns", Map.of("id", "uuid")))).setting());
    assertEquals("tables[0].options.columns._key",
        refused(ok, events(Map.of("columns", Map.of("_key", "varchar")))).setting());
    assertEquals("tables[0].options.format", refused(ok, events(Map.of("format", "protobuf"))).setting());
    assertEquals("tables[0].options.retention", refused(ok, events(Map.of("retention", "soon"))).setting());
    assertEquals("tables[0].options.maxMemory", refused(ok, events(Map.of("maxMemory", "lots"))).setting());
    assertEquals("tables[0].options.maxRows", refused(ok, events(Map.of("kind", "entity", "maxRows", 5))).setting());
    assertEquals("tables[0].options.colums", refused(ok, events(Map.of("colums", Map.of()))).setting());
  }
}
