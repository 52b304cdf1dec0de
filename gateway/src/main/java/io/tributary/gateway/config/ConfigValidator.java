package io.tributary.gateway.config;

import io.tributary.adapter.spi.Sizes;
import io.tributary.catalog.feed.KafkaFeed;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Checks what the YAML shape alone cannot: required fields, names, uniqueness, ranges. */
final class ConfigValidator {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
  /** The schema of the gateway's own system tables. */
  static final String SYSTEM_SCHEMA = "tributary";

  private final String file;
  private final Set<String> adapterTypes;

  ConfigValidator(String file, Set<String> adapterTypes) {
    this.file = file;
    this.adapterTypes = new TreeSet<>(adapterTypes);
  }

  void validate(GatewayConfig config) {
    ServerConfig server = config.gateway();
    if (server.bind().isBlank()) {
      fail("gateway.bind", "is empty; expected an address such as 127.0.0.1");
    }
    port("gateway.jdbc.port", server.jdbc().port());
    port("gateway.flight.port", server.flight().port());
    port("gateway.http.port", server.http().port());
    int batchRows = server.flight().batchRows();
    if (batchRows < 1 || batchRows > FlightConfig.MAX_BATCH_ROWS) {
      fail("gateway.flight.batchRows", "is " + batchRows + "; expected 1 to " + FlightConfig.MAX_BATCH_ROWS
          + " rows per Arrow record batch");
    }
    if (config.domains().isEmpty()) {
      fail("domains", "is missing or empty; expected a list of domains, each with name, owner, adapter, connection and tables");
    }
    Set<String> names = new HashSet<>();
    List<DomainConfig> domains = config.domains();
    for (int i = 0; i < domains.size(); i++) {
      validate("domains[" + i + "]", domains.get(i), names);
    }
    validate(config.catalog());
    validate(config.limits());
    Set<String> materialized = new HashSet<>();
    for (int i = 0; i < config.materializations().size(); i++) {
      validate("materializations[" + i + "]", config.materializations().get(i), materialized);
    }
  }

  private void validate(String at, MaterializationConfig materialization, Set<String> names) {
    required(at + ".name", materialization.name());
    identifier(at + ".name", materialization.name());
    if (!names.add(materialization.name())) {
      fail(at + ".name", "`" + materialization.name() + "` names another materialization too; each needs its own name");
    }
    required(at + ".sql", materialization.sql());
    if (materialization.maxStaleness().isNegative()) {
      fail(at + ".maxStaleness", "is " + materialization.maxStaleness() + "; expected zero or a positive "
          + DurationText.EXPECTED);
    }
  }

  private void validate(LimitsConfig limits) {
    positive("limits.queryTimeout", limits.queryTimeout());
    positive("limits.planningTimeout", limits.planningTimeout());
    if (limits.maxResultRows() < 1) {
      fail("limits.maxResultRows", "is " + limits.maxResultRows() + "; expected a positive number of rows");
    }
    if (limits.maxHeapUsage() < 10 || limits.maxHeapUsage() > 99) {
      fail("limits.maxHeapUsage", "is " + limits.maxHeapUsage() + "; expected a percentage of the heap from 10 to 99");
    }
    if (limits.maxQueryMemoryBytes().isEmpty()) {
      fail("limits.maxQueryMemory", "is `" + limits.maxQueryMemory() + "`; expected a " + Sizes.EXPECTED
          + ", or a share of the heap from 1% to 100%");
    }
    if (limits.maxCachedMemoryBytes().isEmpty()) {
      fail("limits.maxCachedMemory", "is `" + limits.maxCachedMemory() + "`; expected a " + Sizes.EXPECTED
          + ", or a share of the heap from 1% to 100%");
    }
    if (limits.maxSessions() < 1) {
      fail("limits.maxSessions", "is " + limits.maxSessions() + "; expected a positive number of sessions");
    }
    positive("limits.sessionIdleTimeout", limits.sessionIdleTimeout());
    positive("limits.resultIdleTimeout", limits.resultIdleTimeout());
  }

  private void positive(String path, java.time.Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      fail(path, "is " + duration + "; expected a positive " + DurationText.EXPECTED);
    }
  }

  private void validate(CatalogConfig catalog) {
    if (catalog.checkInterval().toSeconds() < 1) {
      fail("catalog.checkInterval", "is " + catalog.checkInterval().toMillis() + " ms; expected at least 1s:"
          + " every check asks each store for its tables");
    }
    catalog.journal().ifPresent(journal -> {
      Path contracts = catalog.directory().toAbsolutePath().normalize();
      Path kept = journal.toAbsolutePath().normalize();
      if (kept.startsWith(contracts) || contracts.startsWith(kept)) {
        fail("catalog.journal", "is `" + journal + "`, which overlaps the contracts directory `" + catalog.directory()
            + "`; the journal holds the gateway's own state, not contracts a team edits: name another directory");
      }
    });
    catalog.kafka().ifPresent(kafka -> {
      required("catalog.kafka.topic", kafka.topic());
      required("catalog.kafka.connection." + ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
          kafka.connection().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
      kafka.connection().keySet().forEach(key -> {
        if (KafkaFeed.OWNED_SETTINGS.contains(key)) {
          fail("catalog.kafka.connection." + key, "is set by the feed itself (it reads the whole topic at every start,"
              + " without a consumer group); remove it");
        }
        if (!ConsumerConfig.configNames().contains(key)) {
          fail("catalog.kafka.connection." + key, "is not a Kafka consumer setting; expected bootstrap.servers or"
              + " another consumer config such as security.protocol, sasl.mechanism, sasl.jaas.config");
        }
      });
    });
    catalog.openlineage().ifPresent(lineage -> {
      if (lineage.url().isEmpty() && lineage.file().isEmpty()) {
        fail("catalog.openlineage", "names no destination; expected url (an OpenLineage HTTP endpoint), file, or both");
      }
      lineage.url().ifPresent(url -> {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
          fail("catalog.openlineage.url", "is `" + url + "`; expected an http(s) URL such as"
              + " http://marquez:5000/api/v1/lineage");
        }
      });
      required("catalog.openlineage.namespace", lineage.namespace());
    });
  }

  private void validate(String at, DomainConfig domain, Set<String> names) {
    identifier(at + ".name", domain.name());
    if (domain.name().equals(SYSTEM_SCHEMA)) {
      fail(at + ".name", "`" + SYSTEM_SCHEMA + "` is reserved for the gateway's system tables; choose another name");
    }
    if (!names.add(domain.name())) {
      fail(at + ".name", "`" + domain.name() + "` is declared twice; domain names must be unique");
    }
    if (domain.owner() == null) {
      fail(at + ".owner", "is missing; expected a mapping with team and contact");
    }
    required(at + ".owner.team", domain.owner().team());
    required(at + ".owner.contact", domain.owner().contact());
    required(at + ".adapter", domain.adapter());
    if (!adapterTypes.contains(domain.adapter())) {
      fail(at + ".adapter", "`" + domain.adapter() + "` is not a known adapter type; expected one of " + adapterTypes);
    }
    if (domain.tables().isEmpty()) {
      fail(at + ".tables", "is missing or empty; expected the list of tables the domain publishes");
    }
    Set<String> tables = new HashSet<>();
    for (int t = 0; t < domain.tables().size(); t++) {
      String name = domain.tables().get(t).name();
      identifier(at + ".tables[" + t + "].name", name);
      if (!tables.add(name)) {
        fail(at + ".tables[" + t + "].name", "`" + name + "` is published twice");
      }
    }
  }

  private void identifier(String path, String value) {
    required(path, value);
    if (!IDENTIFIER.matcher(value).matches()) {
      fail(path, "`" + value + "` is not a valid name; expected lower-case letters, digits and _ , starting with a letter");
    }
  }

  private void required(String path, String value) {
    if (value == null || value.isBlank()) {
      fail(path, "is missing; it is required");
    }
  }

  private void port(String path, int port) {
    if (port < 0 || port > 65535) {
      fail(path, "is " + port + "; expected a TCP port from 0 to 65535 (0 picks a free one)");
    }
  }

  private void fail(String path, String problem) {
    throw new ConfigException(file, path, problem);
  }
}
