package io.tributary.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * Avatica's {@code DatabaseMetaData}, with the keys the gateway declares. Avatica's protocol has
 * no request for primary or foreign keys (its client answers them empty), so they are read from
 * the gateway's {@code tributary.primary_keys} and {@code tributary.foreign_keys}, which list
 * them in JDBC's columns, on the connection's own session.
 */
final class TributaryDatabaseMetaData extends AvaticaDatabaseMetaData {
  private static final String PRIMARY_KEY = "table_cat, table_schem, table_name, column_name, key_seq, pk_name";
  private static final String FOREIGN_KEY = "pktable_cat, pktable_schem, pktable_name, pkcolumn_name, fktable_cat,"
      + " fktable_schem, fktable_name, fkcolumn_name, key_seq, update_rule, delete_rule, fk_name, pk_name,"
      + " deferrability";

  private final AvaticaConnection connection;

  TributaryDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
    this.connection = connection;
  }

  @Override public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return keys(PRIMARY_KEY, "primary_keys", new Filter().on("table_", catalog, schema, table), "column_name");
  }

  @Override public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return keys(FOREIGN_KEY, "foreign_keys", new Filter().on("fktable_", catalog, schema, table),
        "pktable_cat, pktable_schem, pktable_name, key_seq");
  }

  @Override public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return keys(FOREIGN_KEY, "foreign_keys", new Filter().on("pktable_", catalog, schema, table),
        "fktable_cat, fktable_schem, fktable_name, key_seq");
  }

  @Override public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return keys(FOREIGN_KEY, "foreign_keys", new Filter().on("pktable_", parentCatalog, parentSchema, parentTable)
        .on("fktable_", foreignCatalog, foreignSchema, foreignTable),
        "fktable_cat, fktable_schem, fktable_name, key_seq");
  }

  /** The key rows of {@code table} that pass {@code filter}, their columns labelled as JDBC names them. */
  private ResultSet keys(String columns, String table, Filter filter, String order) throws SQLException {
    StringBuilder select = new StringBuilder("SELECT");
    for (String column : columns.split(", ")) {
      select.append(select.length() > "SELECT".length() ? ", " : " ").append(column).append(" AS \"")
          .append(column.toUpperCase(Locale.ROOT)).append('"');
    }
    select.append(" FROM tributary.").append(table).append(filter.where()).append(" ORDER BY ").append(order);
    PreparedStatement statement = connection.prepareStatement(select.toString());
    statement.closeOnCompletion();
    for (int i = 0; i < filter.values.size(); i++) {
      statement.setString(i + 1, filter.values.get(i));
    }
    return statement.executeQuery();
  }

  /**
   * Conditions on a table's catalog, schema and name, as JDBC's key calls pass them: a null catalog
   * or schema leaves it out, {@code ""} matches none (the gateway's tables all have both).
   */
  private static final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    Filter on(String prefix, String catalog, String schema, String table) {
      add(prefix + "cat", catalog);
      add(prefix + "schem", schema);
      add(prefix + "name", table);
      return this;
    }

    private void add(String column, String value) {
      if (value != null) {
        conditions.add(column + " = ?");
        values.add(value);
      }
    }

    String where() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }
}
