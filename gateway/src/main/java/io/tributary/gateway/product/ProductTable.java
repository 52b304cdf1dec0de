package io.tributary.gateway.product;

import com.google.common.collect.ImmutableList;
import io.tributary.adapter.spi.WarningSource;
import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One table of one product version under one SQL name ({@code <table>_v<major>}, or {@code <table>}
 * for the latest major): the store's table read through the contract, its columns renamed from
 * their physical names and only the promised ones, in contract order.
 *
 * <p>Columns keep the store's types, which a check has found to fit the promise: a cast would
 * stop filters from reaching the store's indexes. Over a translatable store table (JDBC) the
 * product is a projection over the store's own scan, so everything pushes down as before; over a
 * scannable one (Kafka topics) it scans the store's rows and picks the promised columns.
 *
 * <p>The version stays as the session saw it when it connected; whether it is still served, and
 * whether its contract holds, is asked on every query.
 */
public final class ProductTable extends AbstractTable implements TranslatableTable, ScannableTable, WarningSource {
  private final DataContract contract;
  private final ContractTable table;
  private final String sqlName;
  private final Optional<Table> store;
  private final ContractChecks checks;
  private final ProductCatalog catalog;

  ProductTable(DataContract contract, ContractTable table, String sqlName, Optional<Table> store,
      ContractChecks checks, ProductCatalog catalog) {
    this.contract = contract;
    this.table = table;
    this.sqlName = sqlName;
    this.store = store;
    this.checks = checks;
    this.catalog = catalog;
  }

  /** The version this table serves. */
  public DataContract contract() {
    return contract;
  }

  /** The contract's table it serves. */
  public ContractTable table() {
    return table;
  }

  /** Its name inside the domain's schema. */
  public String sqlName() {
    return sqlName;
  }

  /** Who may read it: for security to enforce. */
  public Access access() {
    return contract.access();
  }

  /** The store's shape renamed by the contract; the promised shape when the store cannot serve it. */
  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    if (store.isEmpty() || !checks.violations(contract).isEmpty()) {
      return promisedShape(typeFactory);
    }
    Optional<List<RelDataTypeField>> fields = storeFields(store.get().getRowType(typeFactory));
    if (fields.isEmpty()) {
      return promisedShape(typeFactory); // toRel reports what is missing
    }
    RelDataTypeFactory.Builder shape = typeFactory.builder();
    for (int i = 0; i < table.columns().size(); i++) {
      shape.add(table.columns().get(i).name(), fields.get().get(i).getType());
    }
    return shape.build();
  }

  /** The store's row count; keys stay the store scan's, which planning over a store sees directly. */
  @Override
  public Statistic getStatistic() {
    // the store may not know its row count (null) yet
    return store.map(t -> Statistics.of(t.getStatistic().getRowCount(), List.of(), null, null)).orElse(Statistics.UNKNOWN);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    Table servable = servable();
    RelDataType storeRow = servable.getRowType(context.getCluster().getTypeFactory());
    List<RelDataTypeField> fields = keptFields(storeRow);
    if (!(servable instanceof TranslatableTable translatable)) {
      return LogicalTableScan.create(context.getCluster(), relOptTable, context.getTableHints()); // see scan
    }
    StoreRead read = new StoreRead(translatable, this);
    RelOptTable storeTable = RelOptTableImpl.create(relOptTable.getRelOptSchema(), storeRow, read,
        ImmutableList.copyOf(relOptTable.getQualifiedName()));
    RelNode scan = read.toRel(context, storeTable);
    RexBuilder rex = context.getCluster().getRexBuilder();
    List<RexNode> renamed = fields.stream().map(f -> (RexNode) rex.makeInputRef(scan, f.getIndex())).toList();
    return LogicalProject.create(scan, List.of(), renamed, table.columns().stream().map(ContractColumn::name).toList(),
        Set.of());
  }

  /** The promised columns of a scannable store's rows; planned by {@link #toRel} for stores that are not translatable. */
  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    if (!(servable() instanceof ScannableTable scannable)) {
      throw new IllegalStateException("domain `" + contract.domain() + "`: store table `" + table.physicalName()
          + "` can be neither translated nor scanned; its adapter must offer one of the two");
    }
    int[] picked = keptFields(scannable.getRowType(root.getTypeFactory())).stream()
        .mapToInt(RelDataTypeField::getIndex).toArray();
    return scannable.scan(root).select(row -> {
      Object[] promised = new Object[picked.length];
      for (int i = 0; i < picked.length; i++) {
        promised[i] = row[picked[i]];
      }
      return promised;
    });
  }

  /** The deprecation of this version, and whatever degrades the store's table. */
  @Override
  public Optional<String> currentWarning() {
    List<String> warnings = new ArrayList<>();
    if (store.orElse(null) instanceof WarningSource degradable) {
      degradable.currentWarning().ifPresent(warnings::add);
    }
    contract.deprecation().ifPresent(d -> warnings.add("`" + contract.domain() + "." + sqlName + "` ("
        + ProductException.describe(contract) + ") is deprecated and may be retired after " + d.date()
        + "; move to `" + d.replacement() + "`"));
    return warnings.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", warnings));
  }

  /**
   * Fails as planning over the product would, if the version is no longer served or its latest
   * check found it broken; for plans made earlier and run again.
   */
  public void checkServable() {
    servable();
  }

  /** The store's table, if the version is still served and the latest check found its contract kept. */
  private Table servable() {
    Optional<DataContract> served = Optional.ofNullable(catalog.products().get(contract.id()))
        .map(Product::majors).map(majors -> majors.get(contract.version().major()));
    if (served.isEmpty() || served.get().access() == Access.PRIVATE) {
      throw new ProductRetiredException(contract, sqlName);
    }
    List<Violation> violations = checks.violations(contract);
    if (!violations.isEmpty()) {
      throw new ContractViolatedException(contract, sqlName, violations);
    }
    return store.orElseThrow(() -> new ContractViolatedException(contract, sqlName,
        List.of(ContractCheck.unservable(contract.domain(), table))));
  }

  /** The store's fields behind the promised columns, in contract order; empty if one is missing. */
  private Optional<List<RelDataTypeField>> storeFields(RelDataType storeRow) {
    List<RelDataTypeField> fields = new ArrayList<>();
    for (ContractColumn column : table.columns()) {
      RelDataTypeField field = ContractCheck.storeField(storeRow, column);
      if (field == null) {
        return Optional.empty();
      }
      fields.add(field);
    }
    return Optional.of(fields);
  }

  /**
   * The store's fields behind the promised columns, in contract order, if the shape the query is
   * planned with keeps the contract. Checked on every query as well as by {@link ContractChecks}: a
   * session connected before a newer minor replaced its version has no check of its own.
   */
  private List<RelDataTypeField> keptFields(RelDataType storeRow) {
    List<Violation> violations = ContractCheck.of(table, storeRow);
    if (!violations.isEmpty()) {
      throw new ContractViolatedException(contract, sqlName, violations);
    }
    return table.columns().stream().map(column -> ContractCheck.storeField(storeRow, column)).toList();
  }

  private RelDataType promisedShape(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder shape = typeFactory.builder();
    for (ContractColumn column : table.columns()) {
      shape.add(column.name(), ColumnTypes.relType(column.type(), !column.required(), typeFactory));
    }
    return shape.build();
  }
}
