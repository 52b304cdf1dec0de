package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogSchema;
import io.tributary.catalog.product.ProductCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.LikePattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query engine every door shares: one namespace ({@code <domain>.<table>} plus the
 * {@code tributary} system schema) over the domains' sources, planned and run by Calcite, and
 * one translation of failures into errors users can act on.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** The schema of the gateway's own tables. */
  public static final String SYSTEM_SCHEMA = "tributary";

  private final Catalog catalog;
  private final ProductCatalog products;
  private final Map<String, DomainSource> sources;
  private final AbstractSchema systemSchema;
  /** Adapters' status tables (e.g. tributary.topics), added beside the catalog's. */
  private final Map<String, Table> statusTables;
  private final QueryWarnings warnings = new QueryWarnings();
  private final Namespace namespace;
  private final QueryErrors errors;
  private final Driver calcite = new Driver();

  /**
   * @param catalog the domains served
   * @param sources each domain's opened source, by domain name; the engine closes them
   */
  public Engine(Catalog catalog, Map<String, DomainSource> sources, ProductCatalog products) {
    this.products = products;
    this.catalog = catalog;
    this.sources = Map.copyOf(sources);
    this.systemSchema = new CatalogSchema(catalog, this::health);
    Set<String> reserved = new HashSet<>(systemSchema.tables().getNames(LikePattern.any()));
    reserved.add(QueryWarnings.TABLE);
    this.statusTables = StatusTables.of(this.sources, reserved);
    this.namespace = new Namespace(catalog, this.sources);
    this.errors = new QueryErrors(namespace);
  }

  /** A new SQL session over the namespace; the caller closes it. */
  public Connection connect() throws SQLException {
    Connection connection = calcite.connect(Driver.CONNECT_STRING_PREFIX, sessionProperties());
    SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
    // Calcite's own "metadata" schema would show up beside the domains in every BI tool.
    root.unwrap(CalciteSchema.class).removeSubSchema("metadata");
    sources.forEach((domain, source) -> root.add(domain, source.schema()));
    SchemaPlus system = root.add(SYSTEM_SCHEMA, systemSchema);
    statusTables.forEach(system::add);
    system.add(QueryWarnings.TABLE, warnings.table());
    warnings.open(connection);
    return connection;
  }

  /** Turns any failure of planning or running {@code sql} into the error users see. */
  public QueryException translate(Throwable failure, String sql) {
    QueryException error = errors.translate(failure, sql);
    LOG.debug("query failed: {} ({})", error.getMessage(), sql, failure);
    return error;
  }

  /** Where doors report what statements run, so degraded answers carry warnings. */
  public QueryWarnings warnings() {
    return warnings;
  }

  /** The data products published by contract, which every feed updates live. */
  public ProductCatalog products() {
    return products;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Whether a domain's store answers now. */
  public Health health(String domain) {
    DomainSource source = sources.get(domain);
    return source == null ? Health.down("no such domain") : source.health();
  }

  @Override
  public void close() {
    sources.values().forEach(DomainSource::close);
  }

  private static Properties sessionProperties() {
    Properties p = new Properties();
    // Standard SQL quoting, names as written, matched regardless of case: what BI tools expect.
    p.setProperty(CalciteConnectionProperty.QUOTING.camelName(), "DOUBLE_QUOTE");
    p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    p.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.LOW.name());
    p.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    p.setProperty(CalciteConnectionProperty.META_TABLE_FACTORY.camelName(), BrowsableTables.class.getName());
    return p;
  }
}
