package io.tributary.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** tributary.yaml: what it accepts, and the one message each mistake produces. */
class ConfigLoaderTest {
  private static final String DOMAIN = """
      domains:
        - name: customers
          owner: {team: crm, contact: crm@example.com}
          adapter: postgresql
          connection: {url: "jdbc:postgresql://db:5432/crm", password: "${CRM_PASSWORD}"}
          tables:
            - customers
            - name: addresses
              source: customer_addresses
      """;

  private final ConfigLoader loader =
      new ConfigLoader(Map.of("CRM_PASSWORD", "s3cret")::get, Set.of("h2", "mariadb", "mysql", "postgresql"));

  @Test
  void fullFileMapsOntoRecordsWithDefaultsFilledIn() {
    GatewayConfig config = loader.parse("t.yaml", DOMAIN);

    assertEquals(new ServerConfig("127.0.0.1", new DoorConfig(8765), new FlightConfig(32010), new DoorConfig(8080)),
        config.gateway());
    assertEquals(CatalogConfig.defaults(), config.catalog());
    DomainConfig domain = config.domains().get(0);
    assertEquals("s3cret", domain.connection().get("password"));
    assertEquals(new TableConfig("customers", null, Map.of()), domain.tables().get(0));
    assertEquals("customer_addresses", domain.spec().tables().get(1).source());
    assertEquals("crm", domain.catalogEntry().owner().team());
  }

  @Test
  void exampleConfigurationInConfIsValid() {
    ConfigLoader withEnv = new ConfigLoader(Map.of("CRM_DB_PASSWORD", "x")::get, Set.of("mariadb", "postgresql", "h2", "kafka"));

    assertEquals(2, withEnv.load(Path.of("../conf/tributary.yaml")).domains().size());
    assertEquals(3, withEnv.load(Path.of("../conf/demo.yaml")).domains().size());
  }

  @Test
  void unknownKeyNamesItsPathAndTheKnownKeys() {
    assertFails("t.yaml: domains[0].tabels: unknown key; expected one of: adapter, connection, name, owner, tables",
        DOMAIN.replace("tables:", "tabels:"));
  }

  @Test
  void missingFieldIsNamed() {
    assertFails("t.yaml: domains[0].owner.contact: is missing; it is required",
        DOMAIN.replace(", contact: crm@example.com", ""));
  }

  @Test
  void wrongTypeSaysWhatWasExpected() {
    assertFails("t.yaml: gateway.jdbc.port: `eighty` is not a valid whole number",
        "gateway: {jdbc: {port: eighty}}\n" + DOMAIN);
  }

  @Test
  void unknownAdapterTypeListsTheKnownOnes() {
    assertFails("t.yaml: domains[0].adapter: `postgress` is not a known adapter type; expected one of [h2, mariadb, mysql, postgresql]",
        DOMAIN.replace("adapter: postgresql", "adapter: postgress"));
  }

  @Test
  void unsetEnvironmentVariableIsNamedWithItsPath() {
    ConfigLoader noEnv = new ConfigLoader(name -> null, Set.of("postgresql"));

    ConfigException e = assertThrows(ConfigException.class, () -> noEnv.parse("t.yaml", DOMAIN));
    assertEquals("t.yaml: domains[0].connection.password: environment variable CRM_PASSWORD is not set;"
        + " set it or write ${CRM_PASSWORD:-default}", e.getMessage());
  }

  @Test
  void environmentVariableMayHaveADefault() {
    ConfigLoader noEnv = new ConfigLoader(name -> null, Set.of("postgresql"));

    GatewayConfig config = noEnv.parse("t.yaml", DOMAIN.replace("${CRM_PASSWORD}", "${CRM_PASSWORD:-fallback}"));
    assertEquals("fallback", config.domains().get(0).connection().get("password"));
  }

  @Test
  void domainNamesAreUniqueAndNotReserved() {
    assertFails("t.yaml: domains[1].name: `customers` is declared twice; domain names must be unique",
        DOMAIN + DOMAIN.substring(DOMAIN.indexOf("  - name")));
    assertFails("t.yaml: domains[0].name: `tributary` is reserved for the gateway's system tables; choose another name",
        DOMAIN.replace("name: customers", "name: tributary"));
  }

  @Test
  void brokenYamlSaysWhichLine() {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.parse("t.yaml", "domains:\n  - name: [x\n"));
    assertEquals(true, e.getMessage().startsWith("t.yaml: is not valid YAML:") && e.getMessage().contains("line"), e.getMessage());
  }

  @Test
  void missingFileSaysHowToPointAtOne() {
    assertEquals("nope.yaml: no such file; pass --config <file> pointing at a tributary.yaml",
        assertThrows(ConfigException.class, () -> loader.load(Path.of("nope.yaml"))).getMessage());
  }

  @Test
  void settingsTheAdapterRejectsStopStartUpWithTheirPath() {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig config = new ConfigLoader(name -> "x", adapters.types())
        .parse("t.yaml", DOMAIN.replace("url: \"jdbc:postgresql://db:5432/crm\", ", "colour: blue, "));

    ConfigException e = assertThrows(ConfigException.class, () -> Gateway.start(config, "t.yaml", adapters));
    assertEquals("t.yaml: domains[0].connection.colour: is not a setting of adapter `postgresql`;"
        + " expected one of [maxConnections, maxWait, password, schema, url, user]", e.getMessage());
  }

  @Test
  void aPoolWaitThatIsNoDurationStopsStartUpWithItsPath() {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig config = new ConfigLoader(name -> "x", adapters.types())
        .parse("t.yaml", DOMAIN.replace("url: \"jdbc:postgresql://db:5432/crm\", ",
            "url: \"jdbc:postgresql://db:5432/crm\", maxWait: soon, "));

    ConfigException e = assertThrows(ConfigException.class, () -> Gateway.start(config, "t.yaml", adapters));
    assertEquals("t.yaml: domains[0].connection.maxWait: is `soon`; expected a positive duration such as 30s, 5m,"
        + " 2h or PT30S", e.getMessage());
  }

  @Test
  void urlOfAnotherStoreIsRejected() {
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig config = new ConfigLoader(name -> "x", adapters.types())
        .parse("t.yaml", DOMAIN.replace("jdbc:postgresql://db:5432/crm", "jdbc:mariadb://db/shop"));

    ConfigException e = assertThrows(ConfigException.class, () -> Gateway.start(config, "t.yaml", adapters));
    assertEquals("t.yaml: domains[0].connection.url: is `jdbc:mariadb://db/shop`; adapter `postgresql`"
        + " expects a URL starting with jdbc:postgresql:", e.getMessage());
  }

  private void assertFails(String message, String yaml) {
    assertEquals(message, assertThrows(ConfigException.class, () -> loader.parse("t.yaml", yaml)).getMessage());
  }
}
