package io.tributary.gateway.materialize;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * One build of a materialization, as a table the engine scans: {@code materialized.<name>}, and
 * what the planner substitutes for the query it holds. Immutable: a rebuild is a new table.
 */
final class MaterializedTable extends AbstractTable implements ScannableTable {
  private final RelProtoDataType rowType;
  private final ColumnarRows rows;

  MaterializedTable(ColumnarRows rows) {
    this.rowType = RelDataTypeImpl.proto(rows.rowType());
    this.rows = rows;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return rowType.apply(typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(rows.size(), List.of());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new Enumerator<>() {
          private int index = -1;

          @Override
          public Object[] current() {
            return rows.row(index);
          }

          @Override
          public boolean moveNext() {
            return ++index < rows.size();
          }

          @Override
          public void reset() {
            index = -1;
          }

          @Override
          public void close() {
            // nothing held: the rows stay with the materialization
          }
        };
      }
    };
  }

  RelDataType rowType() {
    return rows.rowType();
  }

  int rowCount() {
    return rows.size();
  }

  long bytes() {
    return rows.bytes();
  }
}
