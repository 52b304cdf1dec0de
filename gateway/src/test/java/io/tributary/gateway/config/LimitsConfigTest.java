package io.tributary.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** `limits` in tributary.yaml: what a query may hold in the gateway, as a size or a share of the heap. */
class LimitsConfigTest {
  private static final String DOMAIN = "domains: [{name: crm, owner: {team: crm, contact: crm@example.com},"
      + " adapter: postgresql, connection: {url: \"jdbc:postgresql://db:5432/crm\"}, tables: [customers]}]\n";

  private final ConfigLoader loader = new ConfigLoader(name -> "x", Set.of("postgresql"));

  @Test
  void eachQueryMayHoldAQuarterOfTheHeapUnlessToldOtherwise() {
    LimitsConfig limits = loader.parse("t.yaml", DOMAIN).limits();

    assertEquals("25%", limits.maxQueryMemory());
    assertEquals(Optional.of(Runtime.getRuntime().maxMemory() / 100 * 25), limits.maxQueryMemoryBytes());
  }

  @Test
  void maxQueryMemoryIsASizeOrAShareOfTheHeap() {
    assertEquals(Optional.of(512L << 20), limits("512MB").maxQueryMemoryBytes());
    assertEquals(Optional.of(2L << 30), limits("2 GB").maxQueryMemoryBytes());
    assertEquals(Optional.of(Runtime.getRuntime().maxMemory() / 100 * 40), limits("40%").maxQueryMemoryBytes());
  }

  @Test
  void aMaxQueryMemoryThatIsNeitherSaysWhatIsExpected() {
    for (String wrong : new String[] {"lots", "0%", "150%", "0MB", "12 parsecs"}) {
      ConfigException e = assertThrows(ConfigException.class, () -> limits(wrong));
      assertEquals("t.yaml: limits.maxQueryMemory: is `" + wrong + "`; expected a positive size such as 64MB, 1GB"
          + " or 500KB, or a share of the heap from 1% to 100%", e.getMessage());
    }
  }

  private LimitsConfig limits(String maxQueryMemory) {
    return loader.parse("t.yaml", "limits: {maxQueryMemory: \"" + maxQueryMemory + "\"}\n" + DOMAIN).limits();
  }
}
