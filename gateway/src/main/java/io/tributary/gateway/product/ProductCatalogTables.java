package io.tributary.gateway.product;

import static org.apache.calcite.sql.type.SqlTypeName.BOOLEAN;
import static org.apache.calcite.sql.type.SqlTypeName.DATE;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.adapter.spi.StatusTable;
import io.tributary.adapter.spi.StatusTable.Column;
import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.ForeignKey;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The served data products as SQL: {@code tributary.data_products} (one row per served major
 * version, with whether its contract holds), {@code tributary.columns} (what each version promises)
 * and {@code tributary.contract_violations} (what the latest checks found). Private products are
 * never listed. Described as {@link StatusTable}s, which the engine serves as system tables.
 */
public final class ProductCatalogTables {
  /** Their names in the {@code tributary} schema. */
  public static final List<String> NAMES = List.of("data_products", "columns", "contract_violations");

  private static final List<Column> PRODUCTS = List.of(col("domain"), col("product"), col("version"),
      new Column("major", INTEGER), col("status"), col("access"), col("team"), col("description"), col("freshness"),
      new Column("deprecation_date", DATE), col("replacement"), col("state"), new Column("checked_at", TIMESTAMP),
      col("sql_name"), col("origin"));
  private static final List<Column> COLUMNS = List.of(col("domain"), col("product"), new Column("major", INTEGER),
      col("table_name"), col("column_name"), new Column("ordinal_position", INTEGER), col("type"),
      new Column("required", BOOLEAN), new Column("primary_key", BOOLEAN), col("classification"), col("description"),
      col("refers_to"));
  private static final List<Column> VIOLATIONS = List.of(col("domain"), col("product"), col("version"),
      col("table_name"), col("column_name"), col("violation"), new Column("detected_at", TIMESTAMP));
  private static final Comparator<DataContract> ORDER = Comparator.comparing(DataContract::domain)
      .thenComparing(DataContract::product).thenComparing(c -> c.version().major());

  private final ProductCatalog catalog;
  private final ProductNamespace namespace;
  private final ContractChecks checks;

  public ProductCatalogTables(ProductCatalog catalog, ProductNamespace namespace, ContractChecks checks) {
    this.catalog = catalog;
    this.namespace = namespace;
    this.checks = checks;
  }

  public List<StatusTable> tables() {
    return List.of(new StatusTable(NAMES.get(0), PRODUCTS, this::productRows),
        new StatusTable(NAMES.get(1), COLUMNS, this::columnRows),
        new StatusTable(NAMES.get(2), VIOLATIONS, this::violationRows));
  }

  private List<Object[]> productRows() {
    Map<DataContract, String> sqlNames = namespace.all().stream().collect(Collectors.groupingBy(
        ProductTable::contract, Collectors.mapping(t -> t.contract().domain() + "." + t.sqlName(),
            Collectors.joining(", "))));
    List<Object[]> rows = new ArrayList<>();
    for (DataContract c : served()) {
      Optional<CheckResult> check = checks.result(c);
      rows.add(new Object[] {c.domain(), c.product(), c.version().toString(), c.version().major(), c.status(),
          c.access().name().toLowerCase(Locale.ROOT), c.team(), c.description(),
          c.freshness().map(Duration::toString).orElse(null),
          c.deprecation().map(d -> (int) d.date().toEpochDay()).orElse(null),
          c.deprecation().map(DataContract.Deprecation::replacement).orElse(null),
          check.map(r -> r.broken() ? "broken" : "ok").orElse("unchecked"),
          check.map(r -> r.checkedAt().toEpochMilli()).orElse(null),
          sqlNames.get(c), c.origin()});
    }
    return rows;
  }

  private List<Object[]> columnRows() {
    List<Object[]> rows = new ArrayList<>();
    for (DataContract c : served()) {
      for (ContractTable table : c.tables()) {
        List<ContractColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
          ContractColumn column = columns.get(i);
          rows.add(new Object[] {c.domain(), c.product(), c.version().major(), table.name(), column.name(), i + 1,
              ColumnTypes.render(column.type()), column.required(), column.primaryKey(),
              column.classification().orElse(null), column.description(), refersTo(table, column.name())});
        }
      }
    }
    return rows;
  }

  /**
   * The columns {@code column} refers to by the table's foreign keys, as {@code <domain>.<table>.<column>},
   * comma-separated; null when it is in no foreign key.
   */
  private static String refersTo(ContractTable table, String column) {
    List<String> targets = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      int at = key.columns().indexOf(column);
      if (at >= 0) {
        targets.add(key.domain() + "." + key.table() + "." + key.referenced().get(at));
      }
    }
    return targets.isEmpty() ? null : String.join(", ", targets);
  }

  private List<Object[]> violationRows() {
    List<Object[]> rows = new ArrayList<>();
    for (DataContract c : served()) {
      checks.result(c).ifPresent(result -> result.violations().forEach((Violation v, Instant at) ->
          rows.add(new Object[] {c.domain(), c.product(), c.version().toString(), v.table(), v.column().orElse(null),
              v.problem(), at.toEpochMilli()})));
    }
    return rows;
  }

  /** Every version served now (private ones are not), by domain, product and major. */
  private List<DataContract> served() {
    return catalog.products().values().stream().map(Product::majors).flatMap(m -> m.values().stream())
        .filter(c -> c.access() != Access.PRIVATE).sorted(ORDER).toList();
  }

  private static Column col(String name) {
    return new Column(name, VARCHAR);
  }
}
