package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Domain;
import io.tributary.gateway.product.ProductNamespace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Table;

/** The names users can write, for telling them which one they probably meant. */
final class Namespace {
  private static final Pattern QUALIFIED = Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*\\.\\s*\"?([A-Za-z_][A-Za-z0-9_]*)\"?");

  private final Catalog catalog;
  private final Map<String, DomainSource> sources;
  private final ProductNamespace products;

  Namespace(Catalog catalog, Map<String, DomainSource> sources, ProductNamespace products) {
    this.catalog = catalog;
    this.sources = sources;
    this.products = products;
  }

  List<String> domains() {
    return catalog.domains().stream().map(Domain::name).toList();
  }

  Optional<Domain> domain(String name) {
    return catalog.domain(name);
  }

  /** The tables a domain serves: those it publishes, then its data products' names. */
  List<String> tables(Domain domain) {
    Set<String> all = new LinkedHashSet<>(domain.tables());
    all.addAll(products.tables(domain.name()).keySet());
    return List.copyOf(all);
  }

  /** Every served table as {@code domain.table}. */
  List<String> qualifiedTables() {
    List<String> all = new ArrayList<>();
    for (Domain d : catalog.domains()) {
      tables(d).forEach(t -> all.add(d.name() + "." + t));
    }
    return all;
  }

  /** Columns of the published tables {@code sql} names; tables whose store is down are skipped. */
  List<String> columnsOfTablesIn(String sql) {
    List<String> columns = new ArrayList<>();
    Matcher m = QUALIFIED.matcher(sql);
    while (m.find()) {
      Domain d = catalog.domain(m.group(1)).orElse(null);
      DomainSource source = d == null ? null : sources.get(d.name());
      if (source == null) {
        continue;
      }
      String name = m.group(2).toLowerCase(Locale.ROOT);
      Table table = Optional.<Table>ofNullable(products.tables(d.name()).get(name))
          .orElseGet(() -> source.schema().tables().get(name));
      if (table == null) {
        continue;
      }
      try {
        for (RelDataTypeField f : table.getRowType(new JavaTypeFactoryImpl()).getFieldList()) {
          columns.add(f.getName());
        }
      } catch (RuntimeException storeDown) {
        // a missing suggestion is better than hiding the real error behind another
      }
    }
    return columns;
  }
}
