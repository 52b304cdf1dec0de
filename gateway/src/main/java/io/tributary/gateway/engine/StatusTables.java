package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.StatusTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The adapters' {@link StatusTable}s as tables of the {@code tributary} schema: one SQL table per
 * name, its rows the union of every contributing domain's, each led by a {@code domain} column.
 */
final class StatusTables {
  private StatusTables() {}

  /**
   * @param reserved names the gateway's own system tables already use
   * @throws IllegalStateException if a name is reserved or two domains disagree on its columns
   */
  static Map<String, Table> of(Map<String, DomainSource> sources, Set<String> reserved) {
    Map<String, List<String>> domains = new LinkedHashMap<>();
    Map<String, List<StatusTable>> parts = new LinkedHashMap<>();
    sources.forEach((domain, source) -> {
      for (StatusTable table : source.statusTables()) {
        if (reserved.contains(table.name())) {
          throw new IllegalStateException("domain `" + domain + "` offers status table tributary." + table.name()
              + ", a name the gateway uses itself; rename it in its adapter");
        }
        List<StatusTable> same = parts.computeIfAbsent(table.name(), n -> new ArrayList<>());
        if (!same.isEmpty() && !same.get(0).columns().equals(table.columns())) {
          throw new IllegalStateException("domains " + domains.get(table.name()) + " and `" + domain
              + "` offer status table tributary." + table.name() + " with different columns");
        }
        same.add(table);
        domains.computeIfAbsent(table.name(), n -> new ArrayList<>()).add(domain);
      }
    });
    Map<String, Table> tables = new LinkedHashMap<>();
    parts.forEach((name, list) -> tables.put(name, union(name, domains.get(name), list)));
    return tables;
  }

  /** One status table over every domain offering it. */
  private static Table union(String name, List<String> domains, List<StatusTable> parts) {
    List<StatusTable.Column> columns = new ArrayList<>();
    columns.add(new StatusTable.Column("domain", SqlTypeName.VARCHAR));
    columns.addAll(parts.get(0).columns());
    return new StatusTable(name, columns, () -> {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        for (Object[] part : parts.get(i).rows().get()) {
          Object[] row = new Object[part.length + 1];
          row[0] = domains.get(i);
          System.arraycopy(part, 0, row, 1, part.length);
          rows.add(row);
        }
      }
      return rows;
    }).table();
  }
}
