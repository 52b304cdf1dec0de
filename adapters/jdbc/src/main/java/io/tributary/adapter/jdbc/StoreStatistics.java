package io.tributary.adapter.jdbc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.util.ImmutableBitSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Row counts and unique keys of a domain's tables, read from the store's own catalog (never by
 * scanning) so the planner orders joins by real sizes. Cached, and refreshed in the background.
 */
final class StoreStatistics {
  private static final Logger LOG = LoggerFactory.getLogger(StoreStatistics.class);

  private final String domain;
  private final DataSource dataSource;
  private final String rowCountEstimateSql;
  private final Function<String, JdbcTable> definitions;
  private final LoadingCache<String, Statistic> cache;

  StoreStatistics(String domain, DataSource dataSource, String rowCountEstimateSql,
      Function<String, JdbcTable> definitions) {
    this.domain = domain;
    this.dataSource = dataSource;
    this.rowCountEstimateSql = rowCountEstimateSql;
    this.definitions = definitions;
    this.cache = Caffeine.newBuilder()
        .refreshAfterWrite(Duration.ofMinutes(5))
        .build(this::load);
  }

  /** Statistics of a store table; unknown (never an error) when the store cannot tell. */
  Statistic of(String source) {
    try {
      return cache.get(source);
    } catch (RuntimeException e) {
      LOG.warn("domain `{}`: no statistics for `{}`: {}", domain, source, e.getMessage());
      return Statistics.UNKNOWN;
    }
  }

  private Statistic load(String source) throws SQLException {
    JdbcTable table = definitions.apply(source);
    try (Connection connection = dataSource.getConnection()) {
      Double rows = rowCountEstimate(connection, table);
      List<ImmutableBitSet> keys = primaryKey(connection.getMetaData(), table);
      LOG.debug("domain `{}`: table `{}` has about {} rows, keys {}", domain, source, rows, keys);
      return Statistics.of(rows, keys, null, null);
    }
  }

  private Double rowCountEstimate(Connection connection, JdbcTable table) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(rowCountEstimateSql)) {
      statement.setString(1, namespaceOf(table));
      statement.setString(2, table.jdbcTableName);
      try (ResultSet rs = statement.executeQuery()) {
        if (rs.next()) {
          double estimate = rs.getDouble(1);
          return rs.wasNull() || estimate < 0 ? null : estimate;
        }
        return null;
      }
    }
  }

  private static List<ImmutableBitSet> primaryKey(DatabaseMetaData metaData, JdbcTable table)
      throws SQLException {
    RelDataType rowType = table.getRowType(new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT));
    ImmutableBitSet.Builder key = ImmutableBitSet.builder();
    try (ResultSet rs = metaData.getPrimaryKeys(table.jdbcCatalogName, table.jdbcSchemaName, table.jdbcTableName)) {
      while (rs.next()) {
        RelDataTypeField field = rowType.getField(rs.getString("COLUMN_NAME"), true, false);
        if (field == null) {
          return List.of();
        }
        key.set(field.getIndex());
      }
    }
    ImmutableBitSet columns = key.build();
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (!columns.isEmpty()) {
      keys.add(columns);
    }
    return keys;
  }

  private static String namespaceOf(JdbcTable table) {
    return table.jdbcSchemaName != null ? table.jdbcSchemaName : table.jdbcCatalogName;
  }
}
