package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.DomainAdapter;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.sql.SqlDialect;
import org.apache.commons.dbcp2.BasicDataSource;

/**
 * The family of relational stores reached over JDBC. Everything a store can compute on one
 * domain's tables (filters, projections, aggregates, sorts, limits, joins inside the store) runs
 * there through Calcite's JDBC convention; subclasses say only what differs per store.
 */
public abstract class JdbcDomainAdapter implements DomainAdapter {

  /** Connection settings every JDBC domain understands. */
  private static final Set<String> COMMON_SETTINGS =
      Set.of("url", "user", "password", "maxConnections", "maxWait");
  /** How long a query waits for a free connection of a full pool before it is refused as busy. */
  static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

  /** The driver class, so a missing driver jar gives a clear message. */
  protected abstract String driverClass();

  /**
   * The SQL dialect pushed-down queries are written in for {@code domain}; fixed so a store that
   * is down at start-up does not stop the gateway. It must render literals safely under
   * {@link #sessionSetup()}.
   */
  protected abstract SqlDialect dialect(String domain);

  /** The session settings the dialect relies on, pinned on every connection to the store. */
  protected SessionSetup sessionSetup() {
    return SessionSetup.NONE;
  }

  /** Which functions the store computes as the gateway does, so expressions using them may run there. */
  protected StoreFunctions functions() {
    return StoreFunctions.STANDARD;
  }

  /** An example URL, shown when the configured one is missing or of the wrong store. */
  protected abstract String exampleUrl();

  /** The URL prefixes of this store's driver, such as {@code jdbc:postgresql:}. */
  protected abstract Set<String> urlPrefixes();

  /** Where the domain's tables live in the store, from its settings. */
  protected abstract StoreNamespace namespace(DomainSpec spec, String url);

  /** Settings beyond {@link #COMMON_SETTINGS} this store understands. */
  protected Set<String> extraSettings() {
    return Set.of();
  }

  /**
   * SQL returning the store's own estimate of a table's row count from its catalog, without
   * scanning the table; parameters are the namespace and the table name. A negative or null
   * answer means the store does not know yet.
   */
  protected abstract String rowCountEstimateSql();

  /** The URL handed to the driver for the configured {@code url}; the same unless the driver needs more in it. */
  protected String driverUrl(String url) {
    return url;
  }

  /** Driver properties applied unless the URL says otherwise: time-outs, streaming fetches. */
  protected Map<String, String> driverDefaults() {
    return Map.of();
  }

  /**
   * Whether reads run with auto-commit off. Some drivers (PgJDBC) stream a result with a cursor
   * only inside a transaction; otherwise they buffer the whole result in memory.
   */
  protected boolean streamsOnlyInTransactions() {
    return false;
  }

  /**
   * The store's committed changes, read with the domain's own login; none by default.
   *
   * @param url the URL handed to the driver ({@link #driverUrl})
   * @param login the driver properties the domain's pool connects with: user, password, {@link #driverDefaults()}
   */
  protected Optional<ChangeFeed> changeFeed(String domain, String store, String url, Properties login,
      StoreNamespace namespace) {
    return Optional.empty();
  }

  @Override
  public final DomainSource open(DomainSpec spec) {
    rejectUnknownSettings(spec);
    String url = spec.required("url", "a JDBC URL such as " + exampleUrl());
    if (urlPrefixes().stream().noneMatch(url::startsWith)) {
      throw new InvalidDomainSettingsException(spec.name(), "connection.url",
          "is `" + JdbcUrls.redact(url) + "`; adapter `" + spec.type()
              + "` expects a URL starting with " + String.join(" or ", urlPrefixes()));
    }
    StoreNamespace namespace = namespace(spec, url);
    String store = JdbcUrls.redact(url);
    BasicDataSource dataSource = dataSource(spec, url, store);
    // Generated code finds the data source by this path: the gateway mounts the schema under the domain's name.
    Expression expression =
        Schemas.subSchemaExpression(CalciteSchema.createRootSchema(false).plus(), spec.name(), JdbcSchema.class);
    SqlDialect dialect = dialect(spec.name());
    JdbcConvention convention = new StoreConvention(dialect, expression, spec.name(), functions());
    PublishedJdbcSchema schema =
        new PublishedJdbcSchema(spec, store, dataSource, dialect, convention, namespace, rowCountEstimateSql());
    Optional<ChangeFeed> changes = changeFeed(spec.name(), store, driverUrl(url), login(spec), namespace);
    return new JdbcDomainSource(spec.name(), store, schema, dataSource, changes);
  }

  private void rejectUnknownSettings(DomainSpec spec) {
    Set<String> known = new TreeSet<>(COMMON_SETTINGS);
    known.addAll(extraSettings());
    for (String key : spec.connection().keySet()) {
      if (!known.contains(key)) {
        throw new InvalidDomainSettingsException(spec.name(), "connection." + key,
            "is not a setting of adapter `" + spec.type() + "`; expected one of " + known);
      }
    }
  }

  private BasicDataSource dataSource(DomainSpec spec, String url, String store) {
    try {
      Class.forName(driverClass());
    } catch (ClassNotFoundException e) {
      throw new InvalidDomainSettingsException(spec.name(), "adapter",
          "`" + spec.type() + "` needs JDBC driver " + driverClass() + " on the class path");
    }
    BasicDataSource dataSource = new DomainConnectionPool(spec.name(), store, sessionSetup());
    dataSource.setDriverClassName(driverClass());
    dataSource.setUrl(driverUrl(url));
    spec.optional("user").ifPresent(dataSource::setUsername);
    spec.optional("password").ifPresent(dataSource::setPassword);
    driverDefaults().forEach(dataSource::addConnectionProperty);
    dataSource.setMaxTotal(maxConnections(spec));
    dataSource.setMaxWait(spec.duration("maxWait", DEFAULT_MAX_WAIT));
    dataSource.setTestOnBorrow(true);
    dataSource.setDefaultReadOnly(true);
    if (streamsOnlyInTransactions()) {
      dataSource.setDefaultAutoCommit(false);
    }
    return dataSource;
  }

  private Properties login(DomainSpec spec) {
    Properties login = new Properties();
    driverDefaults().forEach(login::setProperty);
    spec.optional("user").ifPresent(user -> login.setProperty("user", user));
    spec.optional("password").ifPresent(password -> login.setProperty("password", password));
    return login;
  }

  private static int maxConnections(DomainSpec spec) {
    String value = spec.optional("maxConnections").orElse("8");
    try {
      int max = Integer.parseInt(value);
      if (max > 0) {
        return max;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the expectation
    }
    throw new InvalidDomainSettingsException(spec.name(), "connection.maxConnections",
        "is `" + value + "`; expected a positive whole number");
  }
}
