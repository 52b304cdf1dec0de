package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog of data products: where contracts come from besides the HTTP API, how often served
 * products are compared with their stores, and where changes are exported.
 *
 * @param directory contracts as {@code <directory>/<domain>/*.yaml}, read at start-up and watched;
 *     relative to the working directory
 * @param checkInterval how often every served product's contract is checked against its store
 * @param kafka the topic contracts are published to, if any
 * @param openlineage where catalog changes are sent as OpenLineage events, if anywhere
 * @param journal the directory where the catalog keeps, across restarts, what no feed brings back:
 *     contracts published over HTTP, held versions, rollbacks and retirements by hand; without one
 *     they last until the gateway stops. Relative to the working directory
 */
public record CatalogConfig(Path directory, Duration checkInterval, Optional<KafkaFeedConfig> kafka,
    Optional<OpenLineageConfig> openlineage, Optional<Path> journal) {
  public static final Path DEFAULT_DIRECTORY = Path.of("conf", "domains");
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(30);

  public CatalogConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(kafka, "kafka");
    Objects.requireNonNull(openlineage, "openlineage");
    Objects.requireNonNull(journal, "journal");
  }

  /** Contracts from {@code conf/domains}, checked every 30 s, no Kafka feed, no export, no journal. */
  public static CatalogConfig defaults() {
    return fromYaml(null, null, null, null, null);
  }

  /** From YAML: a key left out takes its default. */
  @JsonCreator
  static CatalogConfig fromYaml(@JsonProperty("directory") Path directory,
      @JsonProperty("checkInterval") Duration checkInterval, @JsonProperty("kafka") KafkaFeedConfig kafka,
      @JsonProperty("openlineage") OpenLineageConfig openlineage, @JsonProperty("journal") Path journal) {
    return new CatalogConfig(directory == null ? DEFAULT_DIRECTORY : directory,
        checkInterval == null ? DEFAULT_CHECK_INTERVAL : checkInterval, Optional.ofNullable(kafka),
        Optional.ofNullable(openlineage), Optional.ofNullable(journal));
  }
}
