package io.tributary.gateway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Query results as comparable text, one string per row, so different stores' answers compare. */
public final class Rows {
  private Rows() {}

  public static List<String> of(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        return read(rs);
      }
    }
  }

  /** One column of every row, as text; closes the result set (metadata listings come as new ones). */
  public static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }

  public static List<String> read(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        Object value = rs.getObject(i);
        if (value instanceof BigDecimal d) {
          value = d.stripTrailingZeros().toPlainString();
        } else if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
          value = n.longValue();
        }
        row.append(i > 1 ? " | " : "").append(value);
      }
      rows.add(row.toString());
    }
    return rows;
  }
}
