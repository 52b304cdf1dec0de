package io.tributary.gateway;

import com.sun.net.httpserver.HttpHandler;
import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.contract.ContractParser;
import io.tributary.catalog.feed.ContractIntake;
import io.tributary.catalog.feed.ContractJournal;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.config.CatalogConfig;
import io.tributary.gateway.config.ConfigException;
import io.tributary.gateway.config.DomainConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.door.flight.FlightDoor;
import io.tributary.gateway.door.jdbc.JdbcDoor;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.http.HttpDoor;
import io.tributary.gateway.materialize.Materializations;
import io.tributary.gateway.ops.DomainHealth;
import io.tributary.gateway.ops.Meters;
import io.tributary.gateway.ops.OpsApi;
import io.tributary.gateway.product.StoreShapeCheck;
import io.tributary.gateway.security.Authenticator;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A running gateway: the domains opened, the engine over them, the feeds that keep its data
 * products' contracts current, and its doors.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Engine engine;
  private final Materializations materializations;
  private final ProductFeeds feeds;
  private final JdbcDoor jdbc;
  private final FlightDoor flight;
  private final HttpDoor http;
  private final DomainHealth health;
  private final Meters metrics;

  private Gateway(Engine engine, Materializations materializations, ProductFeeds feeds, JdbcDoor jdbc,
      FlightDoor flight, HttpDoor http, DomainHealth health, Meters metrics) {
    this.engine = engine;
    this.materializations = materializations;
    this.feeds = feeds;
    this.jdbc = jdbc;
    this.flight = flight;
    this.http = http;
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * Opens every domain, reads the data products' contracts, and opens the doors. A domain whose
   * store is down does not stop start-up, nor does a contract that is refused; a domain whose
   * settings are wrong does, with a message naming {@code configName} and the path.
   */
  public static Gateway start(GatewayConfig config, String configName, DomainAdapters adapters) throws SQLException {
    routeJavaLoggingToSlf4j();
    Map<String, DomainSource> sources = openDomains(config, configName, adapters);
    Catalog catalog = new Catalog(config.domains().stream().map(DomainConfig::catalogEntry).toList());
    ProductCatalog products = new ProductCatalog(sources.keySet());
    // Before the engine, which lists what the feeds refuse; the feeds start once the engine serves.
    ContractIntake intake = new ContractIntake(products, ContractParser::parse, new StoreShapeCheck(sources),
        journal(config.catalog(), configName));
    Meters metrics = new Meters();
    Engine engine = new Engine(catalog, sources, products, intake.rejections(), config.catalog().checkInterval(),
        config.limits(), metrics.registry());
    String bind = config.gateway().bind();
    Deque<AutoCloseable> opened = new ArrayDeque<>(List.of(engine, metrics));
    try {
      Materializations materializations = push(opened, Materializations.start(engine, config.materializations(),
          storeNames(config), config.limits().maxCachedMemoryBytes().orElseThrow()));
      DomainHealth health = push(opened, new DomainHealth(engine));
      ProductFeeds feeds = push(opened, ProductFeeds.start(config.catalog(), intake));
      JdbcDoor jdbc = push(opened, JdbcDoor.open(engine, bind, config.gateway().jdbc().port(), config.limits()));
      LOG.info("JDBC door listening on {}:{} serving domains {}", bind, jdbc.port(), sources.keySet());
      FlightDoor flight = push(opened,
          FlightDoor.open(engine, bind, config.gateway().flight(), Authenticator.acceptAnyUser()));
      LOG.info("Flight SQL door listening on {}:{}, {} rows per record batch", bind, flight.port(),
          config.gateway().flight().batchRows());
      Map<String, HttpHandler> routes = new LinkedHashMap<>(feeds.routes());
      OpsApi ops = new OpsApi(engine, metrics.registry(), health);
      OpsApi.CONTEXTS.forEach(path -> routes.put(path, ops));
      HttpDoor http = push(opened, HttpDoor.open(bind, config.gateway().http().port(), routes));
      LOG.info("HTTP API listening on http://{}:{}/api/catalog; health on /health/live and /health/ready,"
          + " Prometheus metrics on /metrics", bind, http.port());
      reportDomains(health);
      return new Gateway(engine, materializations, feeds, jdbc, flight, http, health, metrics);
    } catch (SQLException | RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
  }

  /** Says at start-up which domains answer; one that does not is served once its store comes back. */
  private static void reportDomains(DomainHealth health) {
    health.now().forEach((domain, h) -> {
      if (h.isUp()) {
        LOG.info("domain `{}`: UP ({})", domain, h.detail());
      } else {
        LOG.warn("domain `{}` does not answer: {}; queries that touch {}.* fail until it does, the other domains"
            + " are served", domain, h.detail(), domain);
      }
    });
  }

  private static Map<String, Map<String, String>> storeNames(GatewayConfig config) {
    Map<String, Map<String, String>> names = new LinkedHashMap<>();
    config.domains().forEach(d -> names.put(d.name(), d.storeNames()));
    return names;
  }

  /** The catalog's journal, read now so a broken one stops start-up with its path rather than losing what it kept. */
  private static ContractJournal journal(CatalogConfig catalog, String configName) {
    if (catalog.journal().isEmpty()) {
      LOG.info("catalog.journal is not set: contracts published over HTTP, rollbacks and retirements by hand last"
          + " until the gateway stops");
      return ContractJournal.inMemory();
    }
    try {
      return ContractJournal.in(catalog.journal().get());
    } catch (UncheckedIOException e) {
      throw new ConfigException(configName, "catalog.journal", e.getMessage(), e);
    }
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T resource) {
    opened.push(resource);
    return resource;
  }

  /** Closes what start-up opened, newest first, after {@code failure} stopped it. */
  private static void closeAll(Deque<AutoCloseable> opened, Exception failure) {
    for (AutoCloseable resource : opened) {
      try {
        resource.close();
      } catch (Exception e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static Map<String, DomainSource> openDomains(GatewayConfig config, String configName, DomainAdapters adapters) {
    Map<String, DomainSource> sources = new LinkedHashMap<>();
    List<DomainConfig> domains = config.domains();
    for (int i = 0; i < domains.size(); i++) {
      DomainConfig domain = domains.get(i);
      try {
        sources.put(domain.name(), adapters.forType(domain.name(), domain.adapter()).open(domain.spec()));
      } catch (InvalidDomainSettingsException e) {
        sources.values().forEach(DomainSource::close);
        throw new ConfigException(configName, "domains[" + i + "]." + e.setting(), e.problem(), e);
      }
    }
    return sources;
  }

  /** Libraries that log through java.util.logging (gRPC) then follow the gateway's log configuration. */
  private static synchronized void routeJavaLoggingToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  public Engine engine() {
    return engine;
  }

  /** The port the JDBC door listens on (useful when configured as 0). */
  public int jdbcPort() {
    return jdbc.port();
  }

  /** The port the Flight SQL door listens on (useful when configured as 0). */
  public int flightPort() {
    return flight.port();
  }

  /** The port the HTTP API listens on (useful when configured as 0). */
  public int httpPort() {
    return http.port();
  }

  /** Arrow memory the Flight SQL door holds now for running results. */
  public long flightArrowBytes() {
    return flight.arrowBytes();
  }

  @Override
  public void close() {
    http.close();
    flight.close();
    jdbc.close();
    feeds.close();
    health.close();
    materializations.close(); // before the engine closes the stores: it drops what it made in them
    engine.close();
    metrics.close();
  }
}
