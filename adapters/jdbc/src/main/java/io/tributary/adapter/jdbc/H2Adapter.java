package io.tributary.adapter.jdbc;

import io.tributary.adapter.jdbc.h2.H2ChangeFeed;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.DomainSpec;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;

/** H2 domains, for the embedded demo only. */
public final class H2Adapter extends JdbcDomainAdapter {

  @Override
  public Set<String> types() {
    return Set.of("h2");
  }

  @Override
  protected String driverClass() {
    return "org.h2.Driver";
  }

  @Override
  protected SqlDialect dialect(String domain) {
    return new H2StoreDialect();
  }

  @Override
  protected Set<String> urlPrefixes() {
    return Set.of("jdbc:h2:");
  }

  @Override
  protected String exampleUrl() {
    return "jdbc:h2:mem:database";
  }

  @Override
  protected Set<String> extraSettings() {
    return Set.of("schema");
  }

  @Override
  protected StoreNamespace namespace(DomainSpec spec, String url) {
    return StoreNamespace.schema(spec.optional("schema").orElse("PUBLIC"));
  }

  @Override
  protected Optional<ChangeFeed> changeFeed(String domain, String store, String url, Properties login,
      StoreNamespace namespace) {
    return H2ChangeFeed.of(domain, store, url, login, namespace.schema());
  }

  @Override
  protected String rowCountEstimateSql() {
    return "SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
  }
}
