package io.tributary.bench.tpch;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A query's whole answer as the driver handed it over: column labels and {@code getObject} values. */
record ResultTable(List<String> labels, List<List<Object>> rows) {

  static ResultTable read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      labels.add(meta.getColumnLabel(i));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>(labels.size());
      for (int i = 1; i <= labels.size(); i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return new ResultTable(labels, rows);
  }
}
