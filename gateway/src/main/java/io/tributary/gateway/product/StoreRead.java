package io.tributary.gateway.product;

import io.tributary.adapter.spi.WarningSource;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The store's table as the plan under a product reads it: it plans, pushes down and reports
 * statistics as the store's table does, yet whoever inspects the plan's tables (warnings, the
 * query log, security) finds the product behind it.
 */
final class StoreRead extends AbstractTable implements TranslatableTable {
  private final TranslatableTable store;
  private final ProductTable product;

  StoreRead(TranslatableTable store, ProductTable product) {
    this.store = store;
    this.product = product;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return store.getRowType(typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return store.getStatistic();
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    return store.toRel(context, relOptTable);
  }

  @Override
  public <C> C unwrap(Class<C> type) {
    if (type == ProductTable.class || type == WarningSource.class) {
      return type.cast(product);
    }
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    // e.g. Calcite's JDBC convention finding its JdbcTable
    return store instanceof Wrapper wrapper ? wrapper.unwrap(type) : null;
  }
}
