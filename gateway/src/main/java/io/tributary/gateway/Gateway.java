package io.tributary.gateway;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.catalog.Catalog;
import io.tributary.gateway.config.ConfigException;
import io.tributary.gateway.config.DomainConfig;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.gateway.door.jdbc.JdbcDoor;
import io.tributary.gateway.engine.Engine;
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

  private Gateway(Engine engine, JdbcDoor jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  /**
   * Opens every domain and the doors. A domain whose store is down does not stop start-up;
   * a domain whose settings are wrong does, with a message naming {@code configName} and the path.
   */
  public static Gateway start(GatewayConfig config, String configName, DomainAdapters adapters) throws SQLException {
    Map<String, DomainSource> sources = openDomains(config, configName, adapters);
    Catalog catalog = new Catalog(config.domains().stream().map(DomainConfig::catalogEntry).toList());
    Engine engine = new Engine(catalog, sources);
    try {
      JdbcDoor jdbc = JdbcDoor.open(engine, config.gateway().bind(), config.gateway().jdbc().port());
      LOG.info("JDBC door listening on {}:{} serving domains {}", config.gateway().bind(), jdbc.port(), sources.keySet());
      return new Gateway(engine, jdbc);
    } catch (SQLException | RuntimeException e) {
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

  @Override
  public void close() {
    jdbc.close();
    engine.close();
  }
}
