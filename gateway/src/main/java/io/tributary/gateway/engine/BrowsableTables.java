package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainUnavailableException;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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
 * stop a BI tool from browsing all the others. Queries still fail naming the domain.
 */
public final class BrowsableTables implements CalciteMetaTableFactory {
  /** Found by Calcite through the {@code metaTableFactory} connection property. */
  public static final BrowsableTables INSTANCE = new BrowsableTables();

  private static final Logger LOG = LoggerFactory.getLogger(BrowsableTables.class);

  private BrowsableTables() {}

  @Override
  public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    return new CalciteMetaTable(new Browsable(table, tableSchem + "." + tableName), tableCat, tableSchem, tableName);
  }

  @Override
  public Class<? extends MetaTable> getMetaTableClass() {
    return CalciteMetaTable.class;
  }

  /** A table whose shape, when its store cannot tell, is empty rather than an error. */
  private record Browsable(Table table, String name) implements Table {
    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      try {
        return table.getRowType(typeFactory);
      } catch (DomainUnavailableException e) {
        LOG.warn("listing no columns for {}: {}", name, e.getMessage());
        return typeFactory.builder().build();
      }
    }

    @Override
    public Statistic getStatistic() {
      return table.getStatistic();
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return table.getJdbcTableType();
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
