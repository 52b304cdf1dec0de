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
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.calcite.jdbc.CalciteSchema;
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
  /** Positions in a foreign key row of what JDBC orders imported and exported keys by. */
  private static final int PK_TABLE = 2;
  private static final int FK_TABLE = 6;
  private static final int KEY_SEQ = 8;

  private final CalciteSchema root;

  TableKeys(CalciteSchema root) {
    this.root = root;
  }

  /**
   * The primary key of table {@code table} in schema {@code schema}, by column name. As in JDBC, a
   * null schema matches any, and {@code ""} none (every table here has a schema).
   */
  ResultSet primaryKeys(String schema, String table) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    products().filter(t -> names(t, schema, table)).forEach(t -> {
      List<String> key = t.product().table().primaryKey();
      for (int i = 0; i < key.size(); i++) {
        rows.add(new Object[] {Engine.CATALOG, t.schema(), t.name(), key.get(i), (short) (i + 1), t.name() + "_pkey"});
      }
    });
    rows.sort(Comparator.comparing(row -> (String) row[3]));
    return MetaRows.of(PRIMARY_KEY_COLUMNS, rows);
  }

  /** The foreign keys of {@code table}, by the table they refer to. */
  ResultSet imported(String schema, String table) throws SQLException {
    return foreignKeys(ref -> names(ref.from(), schema, table), PK_TABLE);
  }

  /** The foreign keys that refer to {@code table}, by the table that declares them. */
  ResultSet exported(String schema, String table) throws SQLException {
    return foreignKeys(ref -> ref.isTo(schema, table), FK_TABLE);
  }

  /** The foreign keys of {@code foreignTable} that refer to {@code parentTable}. */
  ResultSet crossReference(String parentSchema, String parentTable, String foreignSchema, String foreignTable)
      throws SQLException {
    return foreignKeys(ref -> ref.isTo(parentSchema, parentTable) && names(ref.from(), foreignSchema, foreignTable),
        FK_TABLE);
  }

  private ResultSet foreignKeys(Predicate<Reference> wanted, int orderedBy) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    products().flatMap(this::references).filter(wanted).forEach(ref -> {
      ForeignKey key = ref.key();
      String name = ref.from().name() + "_" + String.join("_", key.columns()) + "_fkey";
      for (int i = 0; i < key.columns().size(); i++) {
        rows.add(new Object[] {Engine.CATALOG, key.domain(), key.table(), key.referenced().get(i), Engine.CATALOG,
            ref.from().schema(), ref.from().name(), key.columns().get(i), (short) (i + 1),
            (short) DatabaseMetaData.importedKeyNoAction, (short) DatabaseMetaData.importedKeyNoAction, name, null,
            (short) DatabaseMetaData.importedKeyNotDeferrable});
      }
    });
    rows.sort(Comparator.comparing((Object[] row) -> (String) row[orderedBy - 1])
        .thenComparing(row -> (String) row[orderedBy]).thenComparing(row -> (Short) row[KEY_SEQ]));
    return MetaRows.of(FOREIGN_KEY_COLUMNS, rows);
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

  /** Whether {@code table} is the one a JDBC caller names; a null schema matches any. */
  private static boolean names(Named table, String schema, String name) {
    return (schema == null || schema.equalsIgnoreCase(table.schema())) && table.name().equalsIgnoreCase(name);
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
  private record Reference(Named from, ForeignKey key) {
    boolean isTo(String schema, String table) {
      return (schema == null || schema.equalsIgnoreCase(key.domain())) && key.table().equalsIgnoreCase(table);
    }
  }
}
