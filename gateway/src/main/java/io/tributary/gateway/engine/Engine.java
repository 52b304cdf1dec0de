package io.tributary.gateway.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.StatusTable;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.CatalogSchema;
import io.tributary.catalog.feed.Rejections;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.config.LimitsConfig;
import io.tributary.gateway.product.ContractChecks;
import io.tributary.gateway.product.ProductCatalogTables;
import io.tributary.gateway.product.ProductNamespace;
import io.tributary.gateway.product.RejectedContractsTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
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
  /**
   * The one catalog, holding every domain's schema, as a PostgreSQL database holds its schemas:
   * BI tools show it above the schemas. SQL never names it (tables are {@code <domain>.<table>}).
   */
  public static final String CATALOG = "tributary";

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
  private final LimitsConfig limits;
  private final QueryLog log;
  private final AdminCommands commands;
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private volatile CachedResults cached = CachedResults.NONE;
  /** How often sessions are checked for having been idle past {@code limits.sessionIdleTimeout}. */
  private static final Duration SESSION_SWEEP = Duration.ofMinutes(1);
  /** The longest error message sent to a client, in characters. */
  static final int MAX_MESSAGE = 540;

  /**
   * @param catalog the domains served
   * @param sources each domain's opened source, by domain name; the engine closes them
   * @param products the data products to serve, followed live
   * @param rejections the contracts the feeds refused, listed as {@code tributary.rejected_contracts}
   * @param contractCheckInterval how often every served contract is compared with its store again
   * @param metrics where the engine's measurements of its queries and sessions go
   */
  public Engine(Catalog catalog, Map<String, DomainSource> sources, ProductCatalog products, Rejections rejections,
      Duration contractCheckInterval, LimitsConfig limits, MeterRegistry metrics) {
    this.limits = limits;
    QueryMetrics measured = new QueryMetrics(metrics);
    this.log = new QueryLog(measured::ended, limits.maxQueryMemoryBytes().orElseThrow());
    measured.gauges(sessions::size, log::running);
    this.products = products;
    this.catalog = catalog;
    this.sources = Map.copyOf(sources);
    this.systemSchema = new CatalogSchema(catalog, this::health);
    TableUsage usage = new TableUsage(this.sources.keySet());
    this.calcite = new Driver().withPrepareFactory(() -> new ObservedPrepare(plans -> {
      usage.record(plans);
      QueryRun.current().ifPresent(run -> run.planned(plans));
      QueryRun.current().ifPresent(run -> run.reads(TableUsage.domainsRead(plans, this.sources.keySet())));
    }, limits.maxResultRows()));
    this.contracts = ContractChecks.start(products, this.sources, contractCheckInterval);
    this.productNames = new ProductNamespace(catalog, this.sources, products, contracts);
    this.sessionProducts = new SessionProducts(productNames, this.sources.keySet());
    List<StatusTable> own = new ArrayList<>(new ProductCatalogTables(products, productNames, contracts).tables());
    own.add(RejectedContractsTable.of(rejections));
    own.add(usage.table());
    own.add(log.table());
    this.ownTables = List.copyOf(own);
    Set<String> reserved = new HashSet<>(systemSchema.tables().getNames(LikePattern.any()));
    reserved.add(QueryWarnings.TABLE);
    reserved.addAll(TableKeys.TABLES.keySet());
    ownTables.forEach(t -> reserved.add(t.name()));
    this.statusTables = StatusTables.of(this.sources, reserved);
    this.namespace = new Namespace(catalog, this.sources, productNames);
    this.errors = new QueryErrors(namespace);
    this.informationSchema = new InformationSchema(schema -> catalog.domain(schema)
        .map(d -> d.owner().team()).orElse(SYSTEM_SCHEMA));
    this.commands = new AdminCommands(this);
    HeapGuard heap = new HeapGuard(log, limits.maxHeapUsage());
    log.every(HeapGuard.CHECK_EVERY, heap::check);
    log.every(SESSION_SWEEP, this::closeIdleSessions);
    log.every(Duration.ofSeconds(1), () -> log.stopUnread(limits.resultIdleTimeout()));
  }

  /**
   * A new session for {@code caller}; the caller closes it. At most {@code limits.maxSessions} are
   * open at once: past that a new one is refused, and no session is pushed out to make room.
   */
  public Session openSession(Caller caller) throws QueryException {
    return open(caller, null);
  }

  private Session open(Caller caller, Consumer<Object> tap) throws QueryException {
    if (sessions.size() >= limits.maxSessions()) {
      throw new QueryException("too many sessions: " + sessions.size() + " are open (limits.maxSessions); close"
          + " unused connections, or raise the limit", QueryException.TOO_MANY_SESSIONS, null);
    }
    Session session;
    try {
      session = new Session(caller, this, connect(), tap);
    } catch (SQLException | RuntimeException e) {
      throw translate(e, "");
    }
    sessions.add(session);
    return session;
  }

  /**
   * Runs {@code sql} for the gateway itself (a materialization's build), through the lifecycle,
   * limits and log of any query, except {@code limits.maxResultRows}: once the statement is
   * planned, {@code reader} is told what it reads and returns where each row goes, in the engine's
   * own representation (an {@code Object[]}, or the value for one column); what it keeps bounds
   * the read. Cancelled like any query, by id.
   *
   * @param purpose who runs it, as {@code tributary.queries} shows the user
   * @throws QueryException as for a client's query
   */
  public void read(String purpose, String sql, Function<Planned, Consumer<Object>> reader) throws QueryException {
    AtomicReference<Consumer<Object>> sink = new AtomicReference<>();
    try (Session session = open(new Caller(purpose, Door.GATEWAY, "gateway"), row -> sink.get().accept(row));
        Query query = session.prepare(sql, 0)) {
      List<RelNode> plans = query.plan();
      RelNode plan = plans.get(plans.size() - 1);
      sink.set(reader.apply(new Planned(plan.getRowType(), RelOptUtil.findAllTables(plan))));
      ResultSet rows = query.execute(statement -> { }, Optional.empty());
      query.read(() -> {
        while (rows.next()) {
          // the sink takes each row as it is produced
        }
        return null;
      });
    }
  }

  /**
   * A statement the gateway runs for itself, as planned.
   *
   * @param rowType its columns
   * @param tables the tables its plan scans
   */
  public record Planned(RelDataType rowType, List<RelOptTable> tables) {}

  /** Results kept by the gateway, which sessions read and planning may substitute; none until {@link #cacheWith}. */
  CachedResults cached() {
    return cached;
  }

  /** Serves {@code results} to every session opened from now on, and to the planning of every statement. */
  public void cacheWith(CachedResults results) {
    this.cached = results;
  }

  /** The change feed of a domain's store, if it offers one. */
  public Optional<ChangeFeed> changes(String domain) {
    DomainSource source = sources.get(domain);
    return source == null ? Optional.empty() : source.changes();
  }

  /** The queries running and recently ended, as {@code tributary.queries} lists them. */
  public List<Map<String, Object>> queries() {
    return log.list();
  }

  /** Stops the query {@code queryId}, whoever runs it; says what became of it. */
  public String cancel(String queryId) {
    return log.find(queryId).map(run -> {
      if (run.isFinal()) {
        return "query " + queryId + " had already ended";
      }
      run.cancel(new QueryAbortedException("canceling statement due to an operator's request (query " + queryId + ")",
          QueryException.CANCELLED));
      return "query " + queryId + " cancelled";
    }).orElse("no query " + queryId + " is running or ended recently");
  }

  /** The number of sessions open now. */
  public int openSessions() {
    return sessions.size();
  }

  /** A new SQL connection over the namespace, for a session. */
  private Connection connect() throws SQLException {
    Connection connection = calcite.connect(Driver.CONNECT_STRING_PREFIX, SessionSettings.properties());
    connection.setCatalog(CATALOG); // what Connection.getCatalog() tells a client that asks where it is
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
    TableKeys.TABLES.forEach(system::add);
    root.add(InformationSchema.NAME, informationSchema);
    CachedResults results = cached;
    // Not cached by Calcite: builds appear, and are dropped, while the session is open.
    results.schema().ifPresent(schema -> root.add(CachedResults.SCHEMA, schema).setCacheEnabled(false));
    results.tables().forEach(t -> system.add(t.name(), t.table()));
    warnings.open(connection);
    return connection;
  }

  /** Brings a session's data products up to date with the catalog, before it prepares a statement; says whether they changed. */
  boolean refresh(Connection session) {
    return sessionProducts.refresh(session);
  }

  /** What the client of {@code run} hears when {@code failure} stopped it: why it was cancelled, or what failed. */
  QueryException failure(QueryRun run, Throwable failure, String sql) {
    return run.cancellation()
        .map(why -> new QueryException(why.getMessage(), why.sqlState(), failure))
        .orElseGet(() -> translate(failure, sql));
  }

  QueryLog log() {
    return log;
  }

  LimitsConfig limits() {
    return limits;
  }

  AdminCommands commands() {
    return commands;
  }

  void sessionClosed(Session session) {
    sessions.remove(session);
  }

  private void closeIdleSessions() {
    for (Session session : sessions) {
      if (session.idleFor(limits.sessionIdleTimeout())) {
        LOG.info("closing session {} of {}: unused for {} (limits.sessionIdleTimeout)", session.id(),
            session.caller().user(), DurationWords.of(limits.sessionIdleTimeout()));
        session.close();
      }
    }
  }

  /**
   * Turns any failure of planning or running {@code sql} into the error users see; an internal
   * error is logged in full (under the query id, when the failing thread works for one).
   */
  public QueryException translate(Throwable failure, String sql) {
    QueryException error;
    try {
      error = errors.translate(failure, sql);
    } catch (RuntimeException | StackOverflowError e) {
      failure.addSuppressed(e);
      error = new QueryException("internal error: " + failure, QueryException.INTERNAL, failure);
    }
    if (error.getMessage() != null && error.getMessage().length() > MAX_MESSAGE) {
      error = new QueryException(abbreviated(error.getMessage(), MAX_MESSAGE), error.getSQLState(), error.getCause());
    }
    if (QueryException.INTERNAL.equals(error.getSQLState())) {
      LOG.warn("internal error running `{}`", sql, failure);
    } else {
      LOG.debug("query failed: {} ({})", error.getMessage(), sql, failure);
    }
    return error;
  }

  /**
   * {@code text} cut in the middle to about {@code max} characters, if longer. Errors quote the
   * statement's names and values, and log lines its text, which a client may make megabytes long;
   * cut so, a person can still read both ends and a client is not sent its statement back.
   */
  static String abbreviated(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int head = max * 2 / 3;
    int tail = text.length() - max / 6;
    head -= Character.isHighSurrogate(text.charAt(head - 1)) ? 1 : 0; // never half a character
    tail += Character.isLowSurrogate(text.charAt(tail)) ? 1 : 0;
    return text.substring(0, head) + " ... (" + (tail - head) + " characters left out) ... " + text.substring(tail);
  }

  /** Where sessions record what statements run, so degraded answers carry warnings. */
  QueryWarnings warnings() {
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
    log.stopAll(new QueryAbortedException("the gateway is shutting down", "57P01"));
    sessions.forEach(Session::close);
    log.close();
    contracts.close();
    sources.values().forEach(DomainSource::close);
  }
}
