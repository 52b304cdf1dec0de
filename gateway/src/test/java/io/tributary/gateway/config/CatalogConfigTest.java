package io.tributary.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** `catalog` and `gateway.http` in tributary.yaml: defaults, the full mapping, and what a mistake says. */
class CatalogConfigTest {
  private static final String DOMAIN = "domains: [{name: crm, owner: {team: crm, contact: crm@example.com},"
      + " adapter: postgresql, connection: {url: \"jdbc:postgresql://db:5432/crm\"}, tables: [customers]}]\n";
  private static final String KAFKA = "catalog: {kafka: {topic: contracts, connection: {bootstrap.servers: k:9092%s}}}\n";

  private final ConfigLoader loader = new ConfigLoader(name -> "x", Set.of("postgresql"));

  @Test
  void leftOutContractsComeFromConfDomainsCheckedEvery30sAndTheApiListensOn8080() {
    GatewayConfig config = loader.parse("t.yaml", DOMAIN);

    assertEquals(new CatalogConfig(Path.of("conf/domains"), Duration.ofSeconds(30), Optional.empty(), Optional.empty(),
        Optional.empty()),
        config.catalog());
    assertEquals(new DoorConfig(8080), config.gateway().http());
  }

  @Test
  void fullSectionMapsOntoRecords() {
    CatalogConfig catalog = loader.parse("t.yaml", DOMAIN + """
        catalog:
          directory: /srv/contracts
          checkInterval: 2m
          kafka:
            topic: contracts
            connection: {bootstrap.servers: "k1:9092,k2:9092", security.protocol: SASL_SSL}
          openlineage:
            url: http://marquez:5000/api/v1/lineage
            file: lineage.jsonl
            namespace: shop
        """).catalog();

    assertEquals(Path.of("/srv/contracts"), catalog.directory());
    assertEquals(Duration.ofMinutes(2), catalog.checkInterval());
    assertEquals(new KafkaFeedConfig("contracts", Map.of("bootstrap.servers", "k1:9092,k2:9092",
        "security.protocol", "SASL_SSL")), catalog.kafka().orElseThrow());
    assertEquals(new OpenLineageConfig(Optional.of(URI.create("http://marquez:5000/api/v1/lineage")),
        Optional.of(Path.of("lineage.jsonl")), "shop"), catalog.openlineage().orElseThrow());
  }

  @Test
  void checkIntervalIsReadAsWrittenOrInIso() {
    assertEquals(Duration.ofMillis(1500), interval("1500ms"));
    assertEquals(Duration.ofHours(1), interval("1h"));
    assertEquals(Duration.ofSeconds(90), interval("PT90S"));
  }

  @Test
  void checkIntervalThatIsNoDurationOrTooShortSaysWhatIsExpected() {
    assertFails("t.yaml: catalog.checkInterval: `soon` is not a valid duration such as 30s, 5m, 2h or PT30S",
        "catalog: {checkInterval: soon}\n");
    assertFails("t.yaml: catalog.checkInterval: is 200 ms; expected at least 1s: every check asks each store for"
        + " its tables", "catalog: {checkInterval: 200ms}\n");
  }

  @Test
  void unknownKeysListTheKnownOnes() {
    assertFails("t.yaml: catalog.directroy: unknown key; expected one of: checkInterval, directory, journal, kafka, openlineage",
        "catalog: {directroy: x}\n");
    assertFails("t.yaml: catalogue: unknown key; expected one of: catalog, domains, gateway, limits, materializations", "catalogue: {}\n");
  }

  @Test
  void kafkaFeedNeedsATopicAndBrokersAndLeavesConsumerGroupsToTheFeed() {
    assertFails("t.yaml: catalog.kafka.topic: is missing; it is required",
        "catalog: {kafka: {connection: {bootstrap.servers: k:9092}}}\n");
    assertFails("t.yaml: catalog.kafka.connection.bootstrap.servers: is missing; it is required",
        "catalog: {kafka: {topic: contracts}}\n");
    assertFails("t.yaml: catalog.kafka.connection.group.id: is set by the feed itself (it reads the whole topic at"
        + " every start, without a consumer group); remove it", KAFKA.formatted(", group.id: g"));
    assertFails("t.yaml: catalog.kafka.connection.colour: is not a Kafka consumer setting; expected bootstrap.servers"
        + " or another consumer config such as security.protocol, sasl.mechanism, sasl.jaas.config",
        KAFKA.formatted(", colour: blue"));
  }

  @Test
  void openLineageNeedsAnHttpUrlOrAFile() {
    assertFails("t.yaml: catalog.openlineage: names no destination; expected url (an OpenLineage HTTP endpoint),"
        + " file, or both", "catalog: {openlineage: {namespace: shop}}\n");
    assertFails("t.yaml: catalog.openlineage.url: is `ftp://marquez/lineage`; expected an http(s) URL such as"
        + " http://marquez:5000/api/v1/lineage", "catalog: {openlineage: {url: \"ftp://marquez/lineage\"}}\n");
  }

  @Test
  void httpPortIsCheckedLikeEveryDoorsPort() {
    assertFails("t.yaml: gateway.http.port: is 70000; expected a TCP port from 0 to 65535 (0 picks a free one)",
        "gateway: {http: {port: 70000}}\n");
  }

  @Test
  void exampleConfigurationsAreValid() {
    ConfigLoader examples = new ConfigLoader(name -> "x", Set.of("h2", "kafka", "mariadb", "postgresql"));
    assertEquals(Path.of("conf/domains"), examples.load(Path.of("../conf/tributary.yaml")).catalog().directory());
    assertEquals(Path.of("conf/domains"), examples.load(Path.of("../conf/demo.yaml")).catalog().directory());
  }

  private Duration interval(String written) {
    return loader.parse("t.yaml", "catalog: {checkInterval: " + written + "}\n" + DOMAIN).catalog().checkInterval();
  }

  private void assertFails(String message, String yaml) {
    assertEquals(message, assertThrows(ConfigException.class, () -> loader.parse("t.yaml", yaml + DOMAIN)).getMessage());
  }
}
