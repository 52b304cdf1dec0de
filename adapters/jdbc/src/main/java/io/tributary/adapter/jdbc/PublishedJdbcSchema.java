package io.tributary.adapter.jdbc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.adapter.spi.TableSpec;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.util.NameMap;

/**
 * A domain's store seen through Calcite's JDBC schema, narrowed to the tables the domain
 * publishes, under their published names; any other table of its namespace is reachable only as
 * a {@link #storeTable store table} a data product's contract maps onto. Being a
 * {@link JdbcSchema} keeps Calcite's JDBC convention (and so every pushdown rule) working unchanged.
 */
final class PublishedJdbcSchema extends JdbcSchema {
  /** How long a table's shape is trusted before the store is asked again (in the background). */
  private static final Duration DEFINITION_REFRESH = Duration.ofMinutes(1);

  private final String domain;
  private final String store;
  private final StoreNamespace namespace;
  private final Lookup<Table> published;
  private final LoadingCache<String, Definition> definitions;
  private final StoreStatistics statistics;

  PublishedJdbcSchema(DomainSpec spec, String store, DataSource dataSource, SqlDialect dialect,
      JdbcConvention convention, StoreNamespace namespace, String rowCountEstimateSql) {
    super(dataSource, dialect, convention, namespace.catalog(), namespace.schema());
    this.domain = spec.name();
    this.store = store;
    this.namespace = namespace;
    this.definitions = Caffeine.newBuilder()
        .refreshAfterWrite(DEFINITION_REFRESH)
        .build(this::loadDefinition);
    this.statistics = new StoreStatistics(domain, dataSource, rowCountEstimateSql, this::definition);
    NameMap<Table> tables = new NameMap<>();
    for (TableSpec table : spec.tables()) {
      tables.put(table.name(), storeTable(table.source()));
    }
    this.published = Lookup.of(tables);
  }

  @Override
  public Lookup<Table> tables() {
    return published;
  }

  /**
   * Any table of the domain's namespace in the store, published or not, planned like a published
   * one; resolved when first queried, so making one never needs the store.
   */
  Table storeTable(String source) {
    return new PublishedJdbcTable(source, this::definition, this::rowType, statistics);
  }

  /** A store table as Calcite reads it, and its columns as the gateway types them. */
  private record Definition(JdbcTable table, RelProtoDataType rowType) {}

  /** The store's table behind a published one; fails naming the domain when the store is down. */
  JdbcTable definition(String source) {
    return definitions.get(source).table();
  }

  /** The columns of a store table, typed by {@link StoreRowType}. */
  RelDataType rowType(String source, RelDataTypeFactory typeFactory) {
    return definitions.get(source).rowType().apply(typeFactory);
  }

  /**
   * The table's shape as the store reports it now, past the cache; the fresh definition replaces
   * the cached one, so queries plan with the shape a contract check just saw.
   *
   * @return empty when the store has no such table
   */
  Optional<RelDataType> describe(String source, RelDataTypeFactory typeFactory) {
    Definition fresh;
    try {
      fresh = loadDefinition(source);
    } catch (PublishedTableMissingException e) {
      definitions.invalidate(source);
      return Optional.empty();
    }
    definitions.put(source, fresh);
    return Optional.of(fresh.rowType().apply(typeFactory));
  }

  private Definition loadDefinition(String source) {
    Table table;
    try {
      // The store treats the name as a LIKE pattern: escape it so `order_items` matches only itself.
      table = super.tables().get(StoreRowType.literalPattern(source, "\\"));
    } catch (RuntimeException e) {
      throw unreadable(e);
    }
    if (!(table instanceof JdbcTable jdbc)) {
      throw new PublishedTableMissingException(domain, source, namespace.name());
    }
    try {
      return new Definition(jdbc, StoreRowType.of(jdbc, getDataSource()));
    } catch (SQLException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  /** Why a table's definition could not be read: its store is down, or the domain's pool is full, which is not the store's fault. */
  private RuntimeException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException busy && DomainConnectionPool.TOO_MANY_CONNECTIONS.equals(busy.getSQLState())) {
        return new DomainQueryException(domain, busy.getSQLState(), busy.getMessage());
      }
    }
    return new DomainUnavailableException(domain, store, e);
  }
}
