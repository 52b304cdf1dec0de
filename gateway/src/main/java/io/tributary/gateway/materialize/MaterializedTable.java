package io.tributary.gateway.materialize;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One build of a materialization: its rows, scanned in the engine's representation. Immutable: a
 * rebuild is a new one; {@link MaterializedView} is the table plans read it through.
 */
final class MaterializedTable {
  private final ColumnarRows rows;

  MaterializedTable(ColumnarRows rows) {
    this.rows = rows;
  }

  Enumerable<Object[]> scan() {
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
