package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      2        | d       | PT48H
      1        | day     | PT24H
      6        | h       | PT6H
      0.5      | hours   | PT30M
      15       | m       | PT15M
      90       | s       | PT1M30S
      PT10M    |         | PT10M
      P1D      |         | PT24H
      """)
  void freshnessIsReadFromValueAndUnitOrAnIsoDuration(String value, String unit, Duration expected) {
    String sla = "slaProperties:\n  - property: freshness\n    value: " + value + "\n"
        + (unit == null ? "" : "    unit: " + unit + "\n");

    assertEquals(Optional.of(expected), ContractParser.parse("test", MINIMAL + sla).freshness());
  }

  @Test
  void freshnessWinsOverLatencyAndOtherSlaPropertiesAreIgnored() {
    String sla = """
        slaProperties:
          - property: latency
            value: 4
            unit: h
          - property: retention
            value: 3
            unit: y
          - property: freshness
            value: 30
            unit: m
        """;

    assertEquals(Optional.of(Duration.ofMinutes(30)), ContractParser.parse("test", MINIMAL + sla).freshness());
  }

  @Test
  void freshnessPromisedTwiceIsRefused() {
    String sla = "slaProperties:\n  - {property: freshness, value: 1, unit: h}\n  - {property: freshness, value: 2, unit: h}\n";

    ContractException refused = assertThrows(ContractException.class, () -> ContractParser.parse("test", MINIMAL + sla));
    assertEquals("test: slaProperties[1].property: `freshness` is promised twice; expected it once", refused.getMessage());
  }

  @Test
  void freshnessOfZeroIsRefused() {
    String sla = "slaProperties:\n  - {property: freshness, value: 0, unit: m}\n";

    ContractException refused = assertThrows(ContractException.class, () -> ContractParser.parse("test", MINIMAL + sla));
    assertEquals("test: slaProperties[0].value: `0` is not a positive duration; expected a number with unit d, h, m"
        + " or s (or day(s), hour(s), minute(s), second(s)), or an ISO-8601 duration such as PT15M without a unit",
        refused.getMessage());
  }
}
