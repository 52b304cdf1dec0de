package io.tributary.adapter.spi;

import java.util.List;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;

/** A {@link StatusTable} as Calcite reads it: rows computed on every scan, every column nullable. */
final class SystemTable extends AbstractTable implements ScannableTable {
  private final List<StatusTable.Column> columns;
  private final Supplier<List<Object[]>> rows;

  SystemTable(List<StatusTable.Column> columns, Supplier<List<Object[]>> rows) {
    this.columns = List.copyOf(columns);
    this.rows = rows;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (StatusTable.Column column : columns) {
      builder.add(column.name(), typeFactory.createTypeWithNullability(typeFactory.createSqlType(column.type()), true));
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
