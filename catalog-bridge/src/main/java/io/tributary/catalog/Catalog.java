package io.tributary.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The domains the gateway serves and what each publishes. Immutable. */
public final class Catalog {
  private final Map<String, Domain> domains;

  public Catalog(List<Domain> domains) {
    Map<String, Domain> byName = new LinkedHashMap<>();
    for (Domain domain : domains) {
      if (byName.putIfAbsent(domain.name(), domain) != null) {
        throw new IllegalArgumentException("domain `" + domain.name() + "` is declared twice");
      }
    }
    this.domains = Map.copyOf(byName);
  }

  public List<Domain> domains() {
    return domains.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  /** The domain of that name, ignoring case as SQL identifiers do here. */
  public Optional<Domain> domain(String name) {
    return domains.values().stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
  }
}
