package io.tributary.catalog.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The freshness promise among a contract's {@code slaProperties}: {@code freshness}, or ODCS's own
 * {@code latency} when there is no {@code freshness}. Other SLA properties are accepted and not
 * enforced.
 */
final class Freshness {
  private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
      Map.entry("d", ChronoUnit.DAYS), Map.entry("day", ChronoUnit.DAYS), Map.entry("days", ChronoUnit.DAYS),
      Map.entry("h", ChronoUnit.HOURS), Map.entry("hour", ChronoUnit.HOURS), Map.entry("hours", ChronoUnit.HOURS),
      Map.entry("m", ChronoUnit.MINUTES), Map.entry("min", ChronoUnit.MINUTES),
      Map.entry("minute", ChronoUnit.MINUTES), Map.entry("minutes", ChronoUnit.MINUTES),
      Map.entry("s", ChronoUnit.SECONDS), Map.entry("second", ChronoUnit.SECONDS),
      Map.entry("seconds", ChronoUnit.SECONDS));
  private static final String EXPECTED = "a number with unit d, h, m or s (or day(s), hour(s), minute(s),"
      + " second(s)), or an ISO-8601 duration such as PT15M without a unit";

  private Freshness() {}

  static Optional<Duration> read(ContractNode slaProperties) {
    Map<String, ContractNode> promises = new HashMap<>();
    for (ContractNode sla : slaProperties.list()) {
      sla.requireObject("an ODCS v3 SLA property");
      ContractNode property = sla.field("property");
      String name = property.text("the SLA property's name, e.g. freshness");
      if ((name.equals("freshness") || name.equals("latency")) && promises.put(name, sla) != null) {
        throw property.fail("`" + name + "` is promised twice; expected it once");
      }
    }
    return Optional.ofNullable(promises.getOrDefault("freshness", promises.get("latency"))).map(Freshness::duration);
  }

  private static Duration duration(ContractNode sla) {
    ContractNode value = sla.field("value");
    String written = value.text(EXPECTED);
    Optional<String> unit = sla.field("unit").optionalText();
    Duration duration;
    if (unit.isEmpty()) {
      try {
        duration = Duration.parse(written);
      } catch (DateTimeParseException e) {
        throw value.fail("`" + written + "` has no unit and is not an ISO-8601 duration; expected " + EXPECTED);
      }
    } else {
      ChronoUnit chronoUnit = UNITS.get(unit.get().toLowerCase(Locale.ROOT));
      if (chronoUnit == null) {
        throw sla.field("unit").fail("`" + unit.get() + "` is not a unit of freshness; expected " + EXPECTED);
      }
      duration = amount(value, written, chronoUnit);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw value.fail("`" + written + "` is not a positive duration; expected " + EXPECTED);
    }
    return duration;
  }

  /** Fractions are fine ({@code 0.5 h}) as long as they come to whole seconds. */
  private static Duration amount(ContractNode value, String written, ChronoUnit unit) {
    try {
      BigDecimal seconds = new BigDecimal(written).multiply(BigDecimal.valueOf(unit.getDuration().getSeconds()));
      return Duration.ofSeconds(seconds.longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw value.fail("`" + written + "` is not a number of whole seconds; expected " + EXPECTED);
    }
  }
}
