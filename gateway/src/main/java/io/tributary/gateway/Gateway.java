package io.tributary.gateway;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.config.ConfigException;
import io.tributary.gateway.config.DomainConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.door.flight.FlightDoor;
import io.tributary.gateway.door.jdbc.JdbcDoor;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.security.Authenticator;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running gateway: the domains opened, the engine over them, and its doors. */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  private final Engine engine;
  private final JdbcDoor jdbc;
  private final FlightDoor flight;

  private Gateway(Engine engine, JdbcDoor jdbc, FlightDoor flight) {
    this.engine = engine;
    this.jdbc = jdbc;
    this.flight = flight;
  }

  /**
   * Opens every domain and the doors. A domain whose store is down does not stop start-up;
   * a domain whose settings are wrong does, with a message naming {@code configName} and the path.
   */
  public static Gateway start(GatewayConfig config, String configName, DomainAdapters adapters) throws SQLException {
    Map<String, DomainSource> sources = openDomains(config, configName, adapters);
    Catalog catalog = new Catalog(config.domains().stream().map(DomainConfig::catalogEntry).toList());
    ProductCatalog products = new ProductCatalog(sources.keySet());
    Engine engine = new Engine(catalog, sources, products);
    String bind = config.gateway().bind();
    JdbcDoor jdbc = null;
    try {
      jdbc = JdbcDoor.open(engine, bind, config.gateway().jdbc().port());
      LOG.info("JDBC door listening on {}:{} serving domains {}", bind, jdbc.port(), sources.keySet());
      FlightDoor flight = FlightDoor.open(engine, bind, config.gateway().flight(), Authenticator.acceptAnyUser());
      LOG.info("Flight SQL door listening on {}:{}, {} rows per record batch", bind, flight.port(),
          config.gateway().flight().batchRows());
      return new Gateway(engine, jdbc, flight);
    } catch (SQLException | RuntimeException e) {
      if (jdbc != null) {
        jdbc.close();
      }
      engine.close();
      throw e;
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

  /** Arrow memory the Flight SQL door holds now for running results. */
  public long flightArrowBytes() {
    return flight.arrowBytes();
  }

  @Override
  public void close() {
    flight.close();
    jdbc.close();
    engine.close();
  }
}
