package io.tributary.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** `materializations` in tributary.yaml: cached joins, each named once, with a query and a freshness bound. */
class MaterializationConfigTest {
  private static final String DOMAIN = "domains: [{name: crm, owner: {team: crm, contact: crm@example.com},"
      + " adapter: postgresql, connection: {url: \"jdbc:postgresql://db:5432/crm\"}, tables: [customers]}]\n";

  private final ConfigLoader loader = new ConfigLoader(name -> "x", Set.of("postgresql"));

  @Test
  void aMaterializationRefreshesIncrementallyWithinFiveSecondsUnlessToldOtherwise() {
    List<MaterializationConfig> declared = parse("- {name: by_country, sql: \"SELECT country FROM crm.customers\"}\n"
        + "- {name: full_one, sql: \"SELECT 1\", refresh: FULL, maxStaleness: 250ms}\n");

    assertEquals(new MaterializationConfig("by_country", "SELECT country FROM crm.customers",
        MaterializationConfig.Refresh.INCREMENTAL, Duration.ofSeconds(5)), declared.get(0));
    assertEquals(MaterializationConfig.Refresh.FULL, declared.get(1).refresh());
    assertEquals(Duration.ofMillis(250), declared.get(1).maxStaleness());
  }

  @Test
  void eachMistakeNamesItsPath() {
    assertFails("t.yaml: materializations[0].sql: is missing; it is required", "- {name: empty}\n");
    assertFails("t.yaml: materializations[0].name: `By Country` is not a valid name; expected lower-case letters,"
        + " digits and _ , starting with a letter", "- {name: By Country, sql: \"SELECT 1\"}\n");
    assertFails("t.yaml: materializations[1].name: `twice` names another materialization too; each needs its own name",
        "- {name: twice, sql: \"SELECT 1\"}\n- {name: twice, sql: \"SELECT 2\"}\n");
  }

  @Test
  void anUnknownRefreshModeSaysWhichThereAre() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> parse("- {name: m, sql: \"SELECT 1\", refresh: sometimes}\n"));
    assertEquals(true, e.getMessage().contains("`sometimes` is not a refresh mode; expected incremental or full"),
        e.getMessage());
  }

  private List<MaterializationConfig> parse(String items) {
    return loader.parse("t.yaml", DOMAIN + "materializations:\n" + items).materializations();
  }

  private void assertFails(String message, String items) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(items));
    assertEquals(message, e.getMessage());
  }
}
