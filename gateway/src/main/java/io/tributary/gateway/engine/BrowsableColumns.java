package io.tributary.gateway.engine;

import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

/**
 * Columns as {@code DatabaseMetaData.getColumns} lists them: the type's plain name and the sizes
 * JDBC defines ({@link JdbcColumnType}) rather than Calcite's full type text and its -1 for types
 * without a declared size, and a data product's column description from its contract as
 * {@code REMARKS}.
 */
public final class BrowsableColumns implements CalciteMetaColumnFactory {
  /** Found by Calcite through the {@code metaColumnFactory} connection property. */
  public static final BrowsableColumns INSTANCE = new BrowsableColumns();

  private BrowsableColumns() {}

  /** Calcite lists the columns of tables {@link BrowsableTables} made, whose shape it has just asked for. */
  @Override
  public MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
      int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    BrowsableTables.Browsable listed = (BrowsableTables.Browsable) table;
    JdbcColumnType type = JdbcColumnType.of(listed.columnType(columnName));
    return new Listed(tableCat, tableSchem, tableName, columnName, dataType, type, nullable, ordinalPosition,
        isNullable, listed.remarks(columnName).orElse(null));
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return Listed.class;
  }

  /** A row of {@code getColumns}. */
  public static final class Listed extends MetaColumn {
    /** Hides Avatica's, which is always null: Calcite reads the row's columns by name. */
    public final String remarks;

    Listed(String tableCat, String tableSchem, String tableName, String columnName, int dataType, JdbcColumnType type,
        int nullable, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, type.typeName(), type.columnSize(),
          type.decimalDigits(), type.numPrecRadix(), nullable, type.charOctetLength(), ordinalPosition, isNullable,
          "NO", "NO");
      this.remarks = remarks;
    }
  }
}
