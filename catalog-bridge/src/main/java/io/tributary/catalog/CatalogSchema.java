package io.tributary.catalog;

import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.StatusTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The catalog as SQL: {@code tributary.domains} (who owns what, and whether it answers) and
 * {@code tributary.tables} (every published table). Read fresh on every query.
 */
public final class CatalogSchema extends AbstractSchema {
  private final Catalog catalog;
  private final Function<String, Health> health;

  /**
   * @param catalog the domains served
   * @param health asks a domain's store whether it answers now
   */
  public CatalogSchema(Catalog catalog, Function<String, Health> health) {
    this.catalog = catalog;
    this.health = health;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of(
        "domains", new StatusTable("domains", text("domain", "adapter", "owner_team", "owner_contact", "status", "detail"),
            this::domainRows).table(),
        "tables", new StatusTable("tables", text("domain", "table_name", "owner_team"), this::tableRows).table());
  }

  private List<Object[]> domainRows() {
    List<Object[]> rows = new ArrayList<>();
    for (Domain d : catalog.domains()) {
      Health h = health.apply(d.name());
      rows.add(new Object[] {d.name(), d.adapter(), d.owner().team(), d.owner().contact(),
          h.status().name(), h.detail()});
    }
    return rows;
  }

  private List<Object[]> tableRows() {
    List<Object[]> rows = new ArrayList<>();
    for (Domain d : catalog.domains()) {
      for (String table : d.tables()) {
        rows.add(new Object[] {d.name(), table, d.owner().team()});
      }
    }
    return rows;
  }

  private static List<StatusTable.Column> text(String... names) {
    return Arrays.stream(names).map(name -> new StatusTable.Column(name, SqlTypeName.VARCHAR)).toList();
  }
}
