package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.gateway.product.ProductTable;
import java.util.Optional;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Table;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tables as {@code DatabaseMetaData} lists them. Listing columns asks every table for its shape;
 * a table whose store is down answers with no columns there, so one domain's outage does not
 * stop a BI tool from browsing all the others. Queries still fail naming the domain. A data
 * product's table carries its contract's description as {@code REMARKS}; the gateway's own tables
 * are typed {@code SYSTEM TABLE}, those of {@code information_schema} {@code SYSTEM VIEW}, as
 * PostgreSQL types its catalogs.
 */
public final class BrowsableTables implements CalciteMetaTableFactory {
  /** Found by Calcite through the {@code metaTableFactory} connection property. */
  public static final BrowsableTables INSTANCE = new BrowsableTables();

  private static final Logger LOG = LoggerFactory.getLogger(BrowsableTables.class);

  private BrowsableTables() {}

  @Override
  public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    Browsable browsable = new Browsable(table, tableSchem + "." + tableName, typeIn(tableSchem, table));
    return new Listed(browsable, tableCat, tableSchem, tableName,
        contracted(table).map(p -> p.table().description()).filter(d -> !d.isEmpty()).orElse(null));
  }

  @Override
  public Class<? extends MetaTable> getMetaTableClass() {
    return Listed.class;
  }

  private static Schema.TableType typeIn(String schema, Table table) {
    if (schema.equals(Engine.SYSTEM_SCHEMA)) {
      return Schema.TableType.SYSTEM_TABLE;
    }
    return schema.equals(InformationSchema.NAME) ? Schema.TableType.SYSTEM_VIEW : table.getJdbcTableType();
  }

  private static Optional<ProductTable> contracted(Table table) {
    return table instanceof ProductTable product ? Optional.of(product) : Optional.empty();
  }

  /** A row of {@code getTables}. */
  public static final class Listed extends CalciteMetaTable {
    /** Hides Avatica's, which is always null: Calcite reads the row's columns by name. */
    public final String remarks;

    Listed(Browsable table, String tableCat, String tableSchem, String tableName, String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = remarks;
    }
  }

  /**
   * A table whose shape, when its store cannot tell, is empty rather than an error. It keeps the
   * shape it last gave, from which {@link BrowsableColumns} describes each column of the listing.
   */
  static final class Browsable implements Table {
    private final Table table;
    private final String name;
    private final Schema.TableType type;
    private volatile RelDataType rowType;

    Browsable(Table table, String name, Schema.TableType type) {
      this.table = table;
      this.name = name;
      this.type = type;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataType shape;
      try {
        shape = table.getRowType(typeFactory);
      } catch (DomainUnavailableException e) {
        LOG.warn("listing no columns for {}: {}", name, e.getMessage());
        shape = typeFactory.builder().build();
      }
      rowType = shape;
      return shape;
    }

    /** The type of a column of the shape last given. */
    RelDataType columnType(String column) {
      RelDataTypeField field = rowType.getField(column, true, false);
      if (field == null) {
        throw new IllegalStateException("`" + name + "` listed column `" + column + "`, which its shape lacks");
      }
      return field.getType();
    }

    /** The column's description in the table's contract, if the table is a data product's. */
    Optional<String> remarks(String column) {
      return contracted(table).flatMap(p -> p.table().columns().stream().filter(c -> c.name().equals(column))
          .findFirst()).map(ContractColumn::description).filter(d -> !d.isEmpty());
    }

    @Override
    public Statistic getStatistic() {
      return table.getStatistic();
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return type;
    }

    @Override
    public boolean isRolledUp(String column) {
      return table.isRolledUp(column);
    }

    @Override
    public boolean rolledUpColumnValidInsideAgg(String column, SqlCall call, SqlNode parent,
        CalciteConnectionConfig config) {
      return table.rolledUpColumnValidInsideAgg(column, call, parent, config);
    }
  }
}
