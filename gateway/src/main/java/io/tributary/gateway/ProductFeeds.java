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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What brings contracts into the product catalog (the contracts directory, the Kafka topic, the
 * HTTP API's routes) and what exports its changes (OpenLineage), wired from {@code catalog:}.
 */
final class ProductFeeds implements AutoCloseable {
  /** Identifies this gateway as the producer of the OpenLineage events it sends. */
  static final URI LINEAGE_PRODUCER = URI.create("urn:tributary:gateway");
  private static final Logger LOG = LoggerFactory.getLogger(ProductFeeds.class);

  private final ContractIntake intake;
  private final Optional<LineageExport> lineage;
  private final ContractDirectory directory;
  private final Optional<KafkaFeed> kafka;
  private final ScheduledExecutorService retries;

  private ProductFeeds(ContractIntake intake, Optional<LineageExport> lineage, ContractDirectory directory,
      Optional<KafkaFeed> kafka, ScheduledExecutorService retries) {
    this.intake = intake;
    this.lineage = lineage;
    this.directory = directory;
    this.kafka = kafka;
    this.retries = retries;
  }

  /**
   * Exports first, so that the products found at start-up are exported too; then restores what the
   * journal kept (before the feeds, so that what a team withdrew is refused when a feed brings it),
   * reads the contracts directory (before returning) and starts following it and the Kafka topic.
   * Versions held back until their store answers are checked again every {@code checkInterval}.
   */
  static ProductFeeds start(CatalogConfig config, ContractIntake intake) {
    Optional<LineageExport> lineage = config.openlineage().map(ProductFeeds::export);
    lineage.ifPresent(intake.catalog()::subscribe);
    intake.restore();
    ContractDirectory directory = ContractDirectory.open(config.directory(), intake);
    Optional<KafkaFeed> kafka = config.kafka().map(k -> KafkaFeed.start(k.topic(), k.connection(), intake));
    ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tributary-held-contracts");
      t.setDaemon(true);
      return t;
    });
    long every = config.checkInterval().toMillis();
    retries.scheduleWithFixedDelay(() -> retryHeld(intake), every, every, TimeUnit.MILLISECONDS);
    return new ProductFeeds(intake, lineage, directory, kafka, retries);
  }

  /** Never throws: a failed round must not cancel the next ones. */
  private static void retryHeld(ContractIntake intake) {
    try {
      intake.retryHeld();
    } catch (RuntimeException e) {
      LOG.warn("checking the held contract versions again failed: {}", e.toString());
    }
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
    retries.shutdownNow();
    kafka.ifPresent(KafkaFeed::close);
    directory.close();
    lineage.ifPresent(LineageExport::close);
  }
}
