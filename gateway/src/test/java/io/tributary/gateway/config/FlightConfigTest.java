package io.tributary.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** `gateway.flight` in tributary.yaml: defaults, the batch size, and what a mistake says. */
class FlightConfigTest {
  private static final String DOMAIN = "domains: [{name: crm, owner: {team: crm, contact: crm@example.com},"
      + " adapter: postgresql, connection: {url: \"jdbc:postgresql://db:5432/crm\"}, tables: [customers]}]\n";

  private final ConfigLoader loader = new ConfigLoader(name -> "x", Set.of("postgresql", "mariadb", "h2"));

  @Test
  void leftOutTheDoorListensOnItsDefaultPortWithDefaultBatches() {
    assertEquals(new FlightConfig(32010, FlightConfig.DEFAULT_BATCH_ROWS), loader.parse("t.yaml", DOMAIN).gateway().flight());
  }

  @Test
  void batchSizeAloneKeepsTheDefaultPortRatherThanAnyFreeOne() {
    assertEquals(new FlightConfig(32010, 500),
        loader.parse("t.yaml", "gateway: {flight: {batchRows: 500}}\n" + DOMAIN).gateway().flight());
  }

  @Test
  void exampleConfigurationSetsBothKeys() {
    assertEquals(new FlightConfig(32010, 8192), loader.load(Path.of("../conf/tributary.yaml")).gateway().flight());
  }

  @Test
  void batchSizeOutOfRangeSaysWhatIsAllowed() {
    assertFails("t.yaml: gateway.flight.batchRows: is 0; expected 1 to 1000000 rows per Arrow record batch",
        "gateway: {flight: {batchRows: 0}}\n" + DOMAIN);
    assertFails("t.yaml: gateway.flight.port: is 70000; expected a TCP port from 0 to 65535 (0 picks a free one)",
        "gateway: {flight: {port: 70000}}\n" + DOMAIN);
  }

  @Test
  void unknownKeyListsTheDoorsKeys() {
    assertFails("t.yaml: gateway.flight.batchSize: unknown key; expected one of: batchRows, port",
        "gateway: {flight: {batchSize: 500}}\n" + DOMAIN);
  }

  private void assertFails(String message, String yaml) {
    assertEquals(message, assertThrows(ConfigException.class, () -> loader.parse("t.yaml", yaml)).getMessage());
  }
}
