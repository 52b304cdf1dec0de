package io.tributary.adapter.jdbc;

import io.tributary.adapter.jdbc.replication.PostgresChangeFeed;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.DomainSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;

/** PostgreSQL domains: tables of one schema ({@code connection.schema}, default {@code public}). */
public final class PostgresAdapter extends JdbcDomainAdapter {

  @Override
  public Set<String> types() {
    return Set.of("postgresql");
  }

  @Override
  protected String driverClass() {
    return "org.postgresql.Driver";
  }

  @Override
  protected SqlDialect dialect(String domain) {
    return new PostgresStoreDialect(domain);
  }

  @Override
  protected SessionSetup sessionSetup() {
    return PostgresStoreDialect.SESSION;
  }

  @Override
  protected StoreFunctions functions() {
    return StoreFunctions.ALL_BUILT_IN;
  }

  @Override
  protected Set<String> urlPrefixes() {
    return Set.of("jdbc:postgresql:");
  }

  @Override
  protected String exampleUrl() {
    return "jdbc:postgresql://host:5432/database";
  }

  @Override
  protected Set<String> extraSettings() {
    return Set.of("schema");
  }

  @Override
  protected StoreNamespace namespace(DomainSpec spec, String url) {
    return StoreNamespace.schema(spec.optional("schema").orElse("public"));
  }

  @Override
  protected String rowCountEstimateSql() {
    // reltuples is -1 until the table is first analysed (PostgreSQL 14+).
    return "SELECT c.reltuples FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname = ? AND c.relname = ?";
  }

  @Override
  protected Map<String, String> driverDefaults() {
    return Map.of("connectTimeout", "5", "defaultRowFetchSize", "1000",
        "ApplicationName", "tributary");
  }

  @Override
  protected Optional<ChangeFeed> changeFeed(String domain, String store, String url, Properties login,
      StoreNamespace namespace) {
    return Optional.of(new PostgresChangeFeed(domain, store, url, login, namespace.schema()));
  }

  @Override
  protected boolean streamsOnlyInTransactions() {
    return true;
  }
}
