package io.tributary.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A domain as the catalog lists it.
 *
 * @param name the domain, also its SQL schema
 * @param adapter the kind of store behind it
 * @param owner who answers for it
 * @param tables the names of the tables it publishes
 */
public record Domain(String name, String adapter, Owner owner, List<String> tables) {
  public Domain {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(owner, "owner");
    tables = List.copyOf(tables);
  }
}
