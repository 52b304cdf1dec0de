package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.StatusTable;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogSchema;
import io.tributary.catalog.feed.Rejections;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.product.ContractChecks;
import io.tributary.gateway.product.ProductCatalogTables;
import io.tributary.gateway.product.ProductNamespace;
import io.tributary.gateway.product.RejectedContractsTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The query engine every door shares: one namespace ({@code <domain>.<table>} for published tables
 * and data products, plus the {@code tributary} system schema) over the domains' sources, planned
 * and run by Calcite, and one translation of failures into errors users can act on.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** The schema of the gateway's own tables. */
  public static final String SYSTEM_SCHEMA = "tributary";

  private final Catalog catalog;
  private final ProductCatalog products;
  private final Map<String, DomainSource> sources;
  private final AbstractSchema systemSchema;
  /** The gateway's own system tables beside the catalog's: products, contracts, refusals, table usage. */
  private final List<StatusTable> ownTables;
  /** Adapters' status tables (e.g. tributary.topics), added beside the catalog's. */
  private final Map<String, Table> statusTables;
  private final QueryWarnings warnings = new QueryWarnings();
  private final ContractChecks contracts;
  private final ProductNamespace productNames;
  private final SessionProducts sessionProducts;
  private final Namespace namespace;
  private final QueryErrors errors;
  private final InformationSchema informationSchema;
  private final Driver calcite;

  /**
   * @param catalog the domains served
   * @param sources each domain's opened source, by domain name; the engine closes them
   * @param products the data products to serve, followed live
   * @param rejections the contracts the feeds refused, listed as {@code tributary.rejected_contracts}
   * @param contractCheckInterval how often every served contract is compared with its store again
   */
  public Engine(Catalog catalog, Map<String, DomainSource> sources, ProductCatalog products, Rejections rejections,
      Duration contractCheckInterval) {
    this.products = products;
    this.catalog = catalog;
    this.sources = Map.copyOf(sources);
    this.systemSchema = new CatalogSchema(catalog, this::health);
    TableUsage usage = new TableUsage(this.sources.keySet());
    this.calcite = new Driver().withPrepareFactory(() -> new ObservedPrepare(usage::record));
    this.contracts = ContractChecks.start(products, this.sources, contractCheckInterval);
    this.productNames = new ProductNamespace(catalog, this.sources, products, contracts);
    this.sessionProducts = new SessionProducts(productNames, this.sources.keySet());
    List<StatusTable> own = new ArrayList<>(new ProductCatalogTables(products, productNames, contracts).tables());
    own.add(RejectedContractsTable.of(rejections));
    own.add(usage.table());
    this.ownTables = List.copyOf(own);
    Set<String> reserved = new HashSet<>(systemSchema.tables().getNames(LikePattern.any()));
    reserved.add(QueryWarnings.TABLE);
    ownTables.forEach(t -> reserved.add(t.name()));
    this.statusTables = StatusTables.of(this.sources, reserved);
    this.namespace = new Namespace(catalog, this.sources, productNames);
    this.errors = new QueryErrors(namespace);
    this.informationSchema = new InformationSchema(schema -> catalog.domain(schema)
        .map(d -> d.owner().team()).orElse(SYSTEM_SCHEMA));
  }

  /**
   * A new SQL session over the namespace; the caller closes it. Doors call {@link #refresh} before
   * each statement so the session serves the data products published since it connected; a
   * version retired fails at once in every session, and contract checks apply to every query.
   */
  public Connection connect() throws SQLException {
    Connection connection = calcite.connect(Driver.CONNECT_STRING_PREFIX, SessionSettings.properties());
    SchemaPlus root = connection.unwrap(CalciteConnection.class).getRootSchema();
    // Calcite's own "metadata" schema would show up beside the domains in every BI tool.
    root.unwrap(CalciteSchema.class).removeSubSchema("metadata");
    // Products are explicit tables of the domain's schema, which Calcite prefers to the adapter's
    // tables of the same name; the schema itself stays the adapter's, as generated code expects.
    sources.forEach((domain, source) -> root.add(domain, source.schema()));
    sessionProducts.mount(connection, root);
    SchemaPlus system = root.add(SYSTEM_SCHEMA, systemSchema);
    ownTables.forEach(t -> system.add(t.name(), t.table()));
    statusTables.forEach(system::add);
    system.add(QueryWarnings.TABLE, warnings.table());
    root.add(InformationSchema.NAME, informationSchema);
    warnings.open(connection);
    return connection;
  }

  /** Brings a session's data products up to date with the catalog; doors call it before preparing a statement. */
  public void refresh(Connection session) {
    sessionProducts.refresh(session);
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

  /** Compares served contracts with their stores; {@link ContractChecks#checkNow()} checks at once. */
  public ContractChecks contracts() {
    return contracts;
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
    contracts.close();
    sources.values().forEach(DomainSource::close);
  }
}
