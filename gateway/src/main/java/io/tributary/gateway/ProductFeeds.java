package io.tributary.gateway;

import com.sun.net.httpserver.HttpHandler;
import io.tributary.catalog.feed.CatalogApi;
import io.tributary.catalog.feed.ContractDirectory;
import io.tributary.catalog.feed.ContractIntake;
import io.tributary.catalog.feed.KafkaFeed;
import io.tributary.catalog.lineage.DatasetEvents;
import io.tributary.catalog.lineage.LineageExport;
import io.tributary.gateway.config.CatalogConfig;
import io.tributary.gateway.config.OpenLineageConfig;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What brings contracts into the product catalog (the contracts directory, the Kafka topic, the
 * HTTP API's routes) and what exports its changes (OpenLineage), wired from {@code catalog:}.
 */
final class ProductFeeds implements AutoCloseable {
  /** Identifies this gateway as the producer of the OpenLineage events it sends. */
  static final URI LINEAGE_PRODUCER = URI.create("urn:tributary:gateway");

  private final ContractIntake intake;
  private final Optional<LineageExport> lineage;
  private final ContractDirectory directory;
  private final Optional<KafkaFeed> kafka;

  private ProductFeeds(ContractIntake intake, Optional<LineageExport> lineage, ContractDirectory directory,
      Optional<KafkaFeed> kafka) {
    this.intake = intake;
    this.lineage = lineage;
    this.directory = directory;
    this.kafka = kafka;
  }

  /**
   * Exports first, so that the products found at start-up are exported too; then reads the
   * contracts directory (before returning) and starts following it and the Kafka topic.
   */
  static ProductFeeds start(CatalogConfig config, ContractIntake intake) {
    Optional<LineageExport> lineage = config.openlineage().map(ProductFeeds::export);
    lineage.ifPresent(intake.catalog()::subscribe);
    ContractDirectory directory = ContractDirectory.open(config.directory(), intake);
    Optional<KafkaFeed> kafka = config.kafka().map(k -> KafkaFeed.start(k.topic(), k.connection(), intake));
    return new ProductFeeds(intake, lineage, directory, kafka);
  }

  private static LineageExport export(OpenLineageConfig config) {
    return LineageExport.to(new DatasetEvents(config.namespace(), LINEAGE_PRODUCER), config.url(), config.file());
  }

  /** The catalog API's handlers, by path prefix, for the HTTP door. */
  Map<String, HttpHandler> routes() {
    CatalogApi api = new CatalogApi(intake);
    Map<String, HttpHandler> routes = new LinkedHashMap<>();
    CatalogApi.CONTEXTS.forEach(path -> routes.put(path, api));
    return routes;
  }

  @Override
  public void close() {
    kafka.ifPresent(KafkaFeed::close);
    directory.close();
    lineage.ifPresent(LineageExport::close);
  }
}
