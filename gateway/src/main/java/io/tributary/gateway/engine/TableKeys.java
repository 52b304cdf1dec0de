package io.tributary.gateway.engine;

import io.tributary.catalog.contract.ForeignKey;
import io.tributary.gateway.product.ProductTable;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The primary and foreign keys of a session's tables, as {@code DatabaseMetaData} reports them:
 * those the data products' contracts declare (primary keys, and relationships as foreign keys).
 * A foreign key is reported only while the table it refers to is one the session can read. Names
 * follow PostgreSQL's: {@code <table>_pkey}, {@code <table>_<columns>_fkey}. Tables that
 * {@code tributary.yaml} publishes declare no keys.
 */
final class TableKeys {
  static final List<MetaRows.Column> PRIMARY_KEY_COLUMNS = List.of(text("TABLE_CAT"), text("TABLE_SCHEM"),
      text("TABLE_NAME"), text("COLUMN_NAME"), number("KEY_SEQ"), text("PK_NAME"));
  static final List<MetaRows.Column> FOREIGN_KEY_COLUMNS = List.of(text("PKTABLE_CAT"), text("PKTABLE_SCHEM"),
      text("PKTABLE_NAME"), text("PKCOLUMN_NAME"), text("FKTABLE_CAT"), text("FKTABLE_SCHEM"), text("FKTABLE_NAME"),
      text("FKCOLUMN_NAME"), number("KEY_SEQ"), number("UPDATE_RULE"), number("DELETE_RULE"), text("FK_NAME"),
      text("PK_NAME"), number("DEFERRABILITY"));

  /** Column positions in the rows, for selecting them by table. */
  private static final int SCHEMA = 1;
  private static final int COLUMN_NAME = 3;
  private static final int FK_SCHEMA = 5;
  private static final int KEY_SEQ = 8;

  /**
   * {@code tributary.primary_keys} and {@code tributary.foreign_keys}: every key of the session's
   * tables, in JDBC's columns. Tributary's JDBC driver answers the key calls from them, as
   * Avatica's protocol has no request for keys.
   */
  static final Map<String, Table> TABLES = Map.of(
      "primary_keys", InformationSchema.listing(PRIMARY_KEY_COLUMNS, root -> of(root).primaryKeyRows()),
      "foreign_keys", InformationSchema.listing(FOREIGN_KEY_COLUMNS, root -> of(root).foreignKeyRows()));

  private final CalciteSchema root;

  TableKeys(CalciteSchema root) {
    this.root = root;
  }

  private static TableKeys of(DataContext session) {
    return new TableKeys(session.getRootSchema().unwrap(CalciteSchema.class));
  }

  /**
   * The primary key of table {@code table} in schema {@code schema}, by column name. As in JDBC, a
   * null schema matches any, and {@code ""} none (every table here has a schema).
   */
  ResultSet primaryKeys(String schema, String table) throws SQLException {
    List<Object[]> rows = primaryKeyRows();
    rows.sort(Comparator.comparing(row -> (String) row[COLUMN_NAME]));
    return select(PRIMARY_KEY_COLUMNS, rows, row -> names(row, SCHEMA, schema, table));
  }

  /** The foreign keys of {@code table}, by the table they refer to. */
  ResultSet imported(String schema, String table) throws SQLException {
    return select(FOREIGN_KEY_COLUMNS, byTable(SCHEMA), row -> names(row, FK_SCHEMA, schema, table));
  }

  /** The foreign keys that refer to {@code table}, by the table that declares them. */
  ResultSet exported(String schema, String table) throws SQLException {
    return select(FOREIGN_KEY_COLUMNS, byTable(FK_SCHEMA), row -> names(row, SCHEMA, schema, table));
  }

  /** The foreign keys of {@code foreignTable} that refer to {@code parentTable}. */
  ResultSet crossReference(String parentSchema, String parentTable, String foreignSchema, String foreignTable)
      throws SQLException {
    return select(FOREIGN_KEY_COLUMNS, byTable(FK_SCHEMA),
        row -> names(row, SCHEMA, parentSchema, parentTable) && names(row, FK_SCHEMA, foreignSchema, foreignTable));
  }

  /** Every column of every primary key, by schema, table and key sequence. */
  private List<Object[]> primaryKeyRows() {
    List<Object[]> rows = new ArrayList<>();
    products().forEach(t -> {
      List<String> key = t.product().table().primaryKey();
      for (int i = 0; i < key.size(); i++) {
        rows.add(new Object[] {Engine.CATALOG, t.schema(), t.name(), key.get(i), (short) (i + 1), t.name() + "_pkey"});
      }
    });
    return rows;
  }

  /** Every column of every foreign key, by the declaring table and key sequence. */
  private List<Object[]> foreignKeyRows() {
    List<Object[]> rows = new ArrayList<>();
    products().flatMap(this::references).forEach(ref -> {
      ForeignKey key = ref.key();
      String name = ref.from().name() + "_" + String.join("_", key.columns()) + "_fkey";
      for (int i = 0; i < key.columns().size(); i++) {
        rows.add(new Object[] {Engine.CATALOG, key.domain(), key.table(), key.referenced().get(i), Engine.CATALOG,
            ref.from().schema(), ref.from().name(), key.columns().get(i), (short) (i + 1),
            (short) DatabaseMetaData.importedKeyNoAction, (short) DatabaseMetaData.importedKeyNoAction, name, null,
            (short) DatabaseMetaData.importedKeyNotDeferrable});
      }
    });
    return rows;
  }

  /** Foreign key rows ordered by the table whose schema is at {@code schema} (its name after it), JDBC's order. */
  private List<Object[]> byTable(int schema) {
    List<Object[]> rows = foreignKeyRows();
    rows.sort(Comparator.comparing((Object[] row) -> (String) row[schema])
        .thenComparing(row -> (String) row[schema + 1]).thenComparing(row -> (Short) row[KEY_SEQ]));
    return rows;
  }

  private static ResultSet select(List<MetaRows.Column> columns, List<Object[]> rows, Predicate<Object[]> wanted)
      throws SQLException {
    return MetaRows.of(columns, rows.stream().filter(wanted).toList());
  }

  /** The keys of {@code table} whose referenced table the session has. */
  private Stream<Reference> references(Named table) {
    return table.product().table().foreignKeys().stream()
        .filter(key -> {
          CalciteSchema schema = root.getSubSchema(key.domain(), false);
          return schema != null && schema.getTable(key.table(), false) != null;
        })
        .map(key -> new Reference(table, key));
  }

  /** Every data product table of the session. */
  private Stream<Named> products() {
    List<Named> tables = new ArrayList<>();
    for (String schemaName : root.subSchemas().getNames(LikePattern.any())) {
      CalciteSchema schema = root.getSubSchema(schemaName, true);
      for (String name : schema.getTableNames(LikePattern.any())) {
        if (schema.getTable(name, true).getTable() instanceof ProductTable product) {
          tables.add(new Named(schemaName, name, product));
        }
      }
    }
    return tables.stream();
  }

  /** Whether the row's table (schema at {@code at}, name after it) is the one named; a null schema matches any. */
  private static boolean names(Object[] row, int at, String schema, String table) {
    return (schema == null || schema.equalsIgnoreCase((String) row[at]))
        && ((String) row[at + 1]).equalsIgnoreCase(table);
  }

  private static MetaRows.Column text(String name) {
    return new MetaRows.Column(name, Types.VARCHAR);
  }

  private static MetaRows.Column number(String name) {
    return new MetaRows.Column(name, Types.SMALLINT);
  }

  /** A product table under the name a session reads it by. */
  private record Named(String schema, String name, ProductTable product) {}

  /** A foreign key of a table. */
  private record Reference(Named from, ForeignKey key) {}
}
