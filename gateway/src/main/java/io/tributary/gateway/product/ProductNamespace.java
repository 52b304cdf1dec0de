package io.tributary.gateway.product;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Domain;
import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL names data products are served under. Every major {@code N} of a product that is not
 * private serves each of its tables as {@code <domain>.<table>_v<N>}; the highest major also as
 * {@code <domain>.<table>}. Each session adds these tables to its domains' schemas when it
 * connects, where they take precedence over tables of the same name that {@code tributary.yaml}
 * publishes: a contract is the stronger promise.
 *
 * <p>Computed once per catalog snapshot and shared by the sessions connecting until the catalog
 * changes. When two products of a domain claim one name, the product whose name sorts first
 * serves it and the clash is logged.
 */
public final class ProductNamespace {
  private static final Logger LOG = LoggerFactory.getLogger(ProductNamespace.class);
  private static final Comparator<Product> BY_NAME = Comparator.comparing(Product::domain).thenComparing(Product::name);

  private final Catalog domains;
  private final Map<String, DomainSource> sources;
  private final ProductCatalog catalog;
  private final ContractChecks checks;
  private Snapshot current = new Snapshot(Map.of(), Map.of()); // guarded by this

  public ProductNamespace(Catalog domains, Map<String, DomainSource> sources, ProductCatalog catalog,
      ContractChecks checks) {
    this.domains = domains;
    this.sources = Map.copyOf(sources);
    this.catalog = catalog;
    this.checks = checks;
  }

  /** The product tables of a domain now, by SQL name (matched ignoring case, as SQL names are here). */
  public Map<String, ProductTable> tables(String domain) {
    return snapshot().byDomain().getOrDefault(domain, Map.of());
  }

  /** Every product table served now, by domain then name. */
  public List<ProductTable> all() {
    List<ProductTable> all = new ArrayList<>();
    snapshot().byDomain().values().forEach(tables -> all.addAll(tables.values()));
    return all;
  }

  private synchronized Snapshot snapshot() {
    Map<String, Product> products = catalog.products();
    if (current.products() != products) { // the catalog replaces its snapshot on every change
      current = new Snapshot(products, build(products));
    }
    return current;
  }

  private Map<String, Map<String, ProductTable>> build(Map<String, Product> products) {
    Map<String, Map<String, ProductTable>> byDomain = new TreeMap<>();
    products.values().stream().sorted(BY_NAME).forEach(product -> product.majors().forEach((major, contract) -> {
      if (contract.access() == Access.PRIVATE) {
        return;
      }
      Map<String, ProductTable> tables =
          byDomain.computeIfAbsent(product.domain(), d -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
      for (ContractTable table : contract.tables()) {
        claim(tables, contract, table, table.name() + "_v" + major);
        if (contract == product.latest()) {
          claim(tables, contract, table, table.name());
        }
      }
    }));
    return byDomain;
  }

  private void claim(Map<String, ProductTable> tables, DataContract contract, ContractTable table, String sqlName) {
    ProductTable claimed = new ProductTable(contract, table, sqlName,
        sources.get(contract.domain()).storeTable(table.physicalName()), checks, catalog);
    ProductTable first = tables.putIfAbsent(sqlName, claimed);
    String qualified = contract.domain() + "." + sqlName;
    if (first != null) {
      LOG.warn("`{}` is claimed by {} and by {}; the first serves it, rename a table in the other's contract",
          qualified, ProductException.describe(first.contract()), ProductException.describe(contract));
    } else if (domains.domain(contract.domain()).map(Domain::tables).orElse(List.of()).contains(sqlName)) {
      LOG.info("`{}` is published by tributary.yaml and by {}; the contract serves it", qualified,
          ProductException.describe(contract));
    }
  }

  /** The catalog snapshot the tables were computed from. */
  private record Snapshot(Map<String, Product> products, Map<String, Map<String, ProductTable>> byDomain) {}
}
