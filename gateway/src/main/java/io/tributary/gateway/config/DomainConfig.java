package io.tributary.gateway.config;

import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.TableSpec;
import io.tributary.catalog.Domain;
import io.tributary.catalog.Owner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One domain of {@code tributary.yaml}.
 *
 * @param name the domain, also its SQL schema
 * @param owner the team that answers for it
 * @param adapter the adapter type, e.g. {@code postgresql}
 * @param connection adapter settings; values may use {@code ${ENV_VAR}}
 * @param tables the tables published; nothing else of the store is visible
 */
public record DomainConfig(
    String name, OwnerConfig owner, String adapter, Map<String, String> connection, List<TableConfig> tables) {

  public DomainConfig {
    connection = connection == null ? Map.of() : Map.copyOf(connection);
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** What the adapter is given. */
  public DomainSpec spec() {
    return new DomainSpec(name, adapter, connection,
        tables.stream().map(t -> new TableSpec(t.name(), t.sourceOrName(), t.options())).toList());
  }

  /** The store's name of each published table, by the name it is published under. */
  public Map<String, String> storeNames() {
    Map<String, String> names = new LinkedHashMap<>();
    tables.forEach(t -> names.put(t.name(), t.sourceOrName()));
    return names;
  }

  /** What the catalog lists. */
  public Domain catalogEntry() {
    return new Domain(name, adapter, new Owner(owner.team(), owner.contact()),
        tables.stream().map(TableConfig::name).toList());
  }
}
