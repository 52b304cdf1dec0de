package io.tributary.adapter.jdbc;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.adapter.spi.TableSpec;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.util.NameMap;

/**
 * A domain's store seen through Calcite's JDBC schema, narrowed to the tables the domain
 * publishes, under their published names. Being a {@link JdbcSchema} keeps Calcite's JDBC
 * convention (and so every pushdown rule) working unchanged.
 */
final class PublishedJdbcSchema extends JdbcSchema {
  /** How long a table's shape is trusted before the store is asked again (in the background). */
  private static final Duration DEFINITION_REFRESH = Duration.ofMinutes(1);

  private final String domain;
  private final String store;
  private final StoreNamespace namespace;
  private final Lookup<Table> published;
  private final LoadingCache<String, JdbcTable> definitions;

  PublishedJdbcSchema(DomainSpec spec, String store, DataSource dataSource, SqlDialect dialect,
      JdbcConvention convention, StoreNamespace namespace, String rowCountEstimateSql) {
    super(dataSource, dialect, convention, namespace.catalog(), namespace.schema());
    this.domain = spec.name();
    this.store = store;
    this.namespace = namespace;
    this.definitions = Caffeine.newBuilder()
        .refreshAfterWrite(DEFINITION_REFRESH)
        .build(this::loadDefinition);
    StoreStatistics statistics =
        new StoreStatistics(domain, dataSource, rowCountEstimateSql, this::definition);
    NameMap<Table> tables = new NameMap<>();
    for (TableSpec table : spec.tables()) {
      tables.put(table.name(), new PublishedJdbcTable(table.source(), this::definition, statistics));
    }
    this.published = Lookup.of(tables);
  }

  @Override
  public Lookup<Table> tables() {
    return published;
  }

  /** The store's table behind a published one; fails naming the domain when the store is down. */
  JdbcTable definition(String source) {
    return definitions.get(source);
  }

  private JdbcTable loadDefinition(String source) {
    Table table;
    try {
      // The store treats the name as a LIKE pattern: escape it so `order_items` matches only itself.
      table = super.tables().get(source.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%"));
    } catch (RuntimeException e) {
      throw new DomainUnavailableException(domain, store, e);
    }
    if (!(table instanceof JdbcTable)) {
      throw new PublishedTableMissingException(domain, source, namespace.name());
    }
    return (JdbcTable) table;
  }
}
