package io.tributary.adapter.jdbc;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A published table: Calcite's {@link JdbcTable} for planning and pushdown, plus the statistics
 * the store's catalog knows. Resolved lazily so listing a domain's tables never needs its store.
 */
final class PublishedJdbcTable extends AbstractTable implements TranslatableTable, ScannableTable {
  private final String source;
  private final Function<String, JdbcTable> definitions;
  private final BiFunction<String, RelDataTypeFactory, RelDataType> rowTypes;
  private final StoreStatistics statistics;

  PublishedJdbcTable(String source, Function<String, JdbcTable> definitions,
      BiFunction<String, RelDataTypeFactory, RelDataType> rowTypes, StoreStatistics statistics) {
    this.source = source;
    this.definitions = definitions;
    this.rowTypes = rowTypes;
    this.statistics = statistics;
  }

  private JdbcTable definition() {
    return definitions.apply(source);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return rowTypes.apply(source, typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return statistics.of(source);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return definition().toRel(context, relOptTable);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return definition().scan(root);
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    // Calcite's SQL generation unwraps to JdbcTable to name the store's table.
    return definition().unwrap(type);
  }
}
