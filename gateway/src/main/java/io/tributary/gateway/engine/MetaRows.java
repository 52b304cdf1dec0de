package io.tributary.gateway.engine;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import javax.sql.RowSetMetaData;
import javax.sql.rowset.CachedRowSet;
import javax.sql.rowset.RowSetMetaDataImpl;
import javax.sql.rowset.RowSetProvider;

/**
 * A {@code DatabaseMetaData} answer the engine computes itself (keys), as a {@link ResultSet}
 * both doors read like Calcite's own answers. The JDK's {@link CachedRowSet} holds the rows, so
 * no second ResultSet implementation lives here.
 */
final class MetaRows {
  private MetaRows() {}

  /** A column of an answer: its JDBC name and type ({@link Types#VARCHAR} or {@link Types#SMALLINT}). */
  record Column(String name, int type) {}

  static ResultSet of(List<Column> columns, List<Object[]> rows) throws SQLException {
    CachedRowSet rowSet = RowSetProvider.newFactory().createCachedRowSet();
    rowSet.setMetaData(metaData(columns));
    for (Object[] row : rows) {
      rowSet.moveToInsertRow();
      for (int i = 0; i < columns.size(); i++) {
        if (row[i] == null) {
          rowSet.updateNull(i + 1);
        } else {
          rowSet.updateObject(i + 1, row[i]);
        }
      }
      rowSet.insertRow();
    }
    rowSet.moveToCurrentRow();
    rowSet.beforeFirst();
    return rowSet;
  }

  private static RowSetMetaData metaData(List<Column> columns) throws SQLException {
    RowSetMetaDataImpl meta = new RowSetMetaDataImpl();
    meta.setColumnCount(columns.size());
    for (int i = 1; i <= columns.size(); i++) {
      Column column = columns.get(i - 1);
      meta.setColumnName(i, column.name());
      meta.setColumnLabel(i, column.name());
      meta.setColumnType(i, column.type());
      meta.setColumnTypeName(i, column.type() == Types.SMALLINT ? "SMALLINT" : "VARCHAR");
      meta.setNullable(i, ResultSetMetaData.columnNullable);
      meta.setPrecision(i, column.type() == Types.SMALLINT ? 5 : 0);
    }
    return meta;
  }
}
