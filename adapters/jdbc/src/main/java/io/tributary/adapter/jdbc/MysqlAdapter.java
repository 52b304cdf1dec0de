package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlDialect;

/** MySQL and MariaDB domains: tables of the database named in the URL. */
public final class MysqlAdapter extends JdbcDomainAdapter {

  @Override
  public Set<String> types() {
    return Set.of("mysql", "mariadb");
  }

  @Override
  protected String driverClass() {
    return "org.mariadb.jdbc.Driver";
  }

  @Override
  protected SqlDialect dialect(String domain) {
    return new MysqlStoreDialect();
  }

  @Override
  protected SessionSetup sessionSetup() {
    return MysqlStoreDialect.SESSION;
  }

  @Override
  protected StoreFunctions functions() {
    return MariadbFunctions.INSTANCE;
  }

  @Override
  protected Set<String> urlPrefixes() {
    return Set.of("jdbc:mariadb:", "jdbc:mysql:");
  }

  @Override
  protected String exampleUrl() {
    return "jdbc:mariadb://host:3306/database";
  }

  @Override
  protected StoreNamespace namespace(DomainSpec spec, String url) {
    String database = JdbcUrls.database(url);
    if (database.isEmpty()) {
      throw new InvalidDomainSettingsException(spec.name(), "connection.url",
          "names no database; expected " + exampleUrl());
    }
    return StoreNamespace.catalog(database);
  }

  @Override
  protected String rowCountEstimateSql() {
    return "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
  }

  @Override
  protected Map<String, String> driverDefaults() {
    return Map.of("connectTimeout", "5000", "defaultFetchSize", "1000");
  }

  /** The MariaDB driver takes a {@code jdbc:mysql:} URL only when the URL itself permits it. */
  @Override
  protected String driverUrl(String url) {
    if (!url.startsWith("jdbc:mysql:") || url.contains("permitMysqlScheme")) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
  }
}
