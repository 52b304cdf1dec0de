package io.tributary.adapter.spi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway's configuration says about one domain, handed to its adapter.
 *
 * @param name the domain's name, which is also its schema in SQL
 * @param type the adapter type named in configuration
 * @param connection adapter-specific connection settings, environment variables already resolved
 * @param tables the tables the domain publishes; nothing else of the store is visible
 */
public record DomainSpec(
    String name, String type, Map<String, String> connection, List<TableSpec> tables) {

  public DomainSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    connection = Map.copyOf(connection);
    tables = List.copyOf(tables);
  }

  /** A connection setting the adapter cannot work without. */
  public String required(String key, String expected) {
    String value = connection.get(key);
    if (value == null || value.isBlank()) {
      throw new InvalidDomainSettingsException(name, "connection." + key, "is missing; expected " + expected);
    }
    return value;
  }

  /** A connection setting that is a positive duration, {@code fallback} when it is not set. */
  public Duration duration(String key, Duration fallback) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return fallback;
    }
    return Durations.parse(text.get()).filter(d -> !d.isNegative() && !d.isZero())
        .orElseThrow(() -> new InvalidDomainSettingsException(name, "connection." + key,
            "is `" + text.get() + "`; expected a positive " + Durations.EXPECTED));
  }

  /** A connection setting with no default. */
  public Optional<String> optional(String key) {
    return Optional.ofNullable(connection.get(key)).filter(v -> !v.isBlank());
  }
}
