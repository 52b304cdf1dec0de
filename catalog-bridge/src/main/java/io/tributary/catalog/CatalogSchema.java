package io.tributary.catalog;

import io.tributary.adapter.spi.Health;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
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
        "domains", new RowsTable(List.of("domain", "adapter", "owner_team", "owner_contact", "status", "detail"),
            this::domainRows),
        "tables", new RowsTable(List.of("domain", "table_name", "owner_team"), this::tableRows));
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

  /** A system table of text columns whose rows are computed when scanned. */
  private static final class RowsTable extends AbstractTable implements ScannableTable {
    private final List<String> columns;
    private final Supplier<List<Object[]>> rows;

    RowsTable(List<String> columns, Supplier<List<Object[]>> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      for (String column : columns) {
        builder.add(column, typeFactory.createTypeWithNullability(
            typeFactory.createSqlType(SqlTypeName.VARCHAR), true));
      }
      return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows.get());
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.SYSTEM_TABLE;
    }
  }
}
