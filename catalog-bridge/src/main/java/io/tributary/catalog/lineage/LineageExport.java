package io.tributary.catalog.lineage;

import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.CatalogListener;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports every catalog change as OpenLineage dataset events to an HTTP endpoint and/or a file.
 * Subscribe it to the catalog before the feeds start, so the products found at start-up are
 * exported too.
 */
public final class LineageExport implements CatalogListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LineageExport.class);

  private final DatasetEvents events;
  private final List<LineageSink> sinks;

  private LineageExport(DatasetEvents events, List<LineageSink> sinks) {
    this.events = events;
    this.sinks = List.copyOf(sinks);
  }

  /**
   * @param endpoint where to post events, if anywhere
   * @param file where to append them, one JSON per line, if anywhere
   */
  public static LineageExport to(DatasetEvents events, Optional<URI> endpoint, Optional<Path> file) {
    List<LineageSink> sinks = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    endpoint.ifPresent(url -> {
      sinks.add(new HttpLineageSink(url));
      targets.add(url.toString());
    });
    file.ifPresent(path -> {
      sinks.add(new FileLineageSink(path));
      targets.add(path.toString());
    });
    LOG.info("exporting catalog changes as OpenLineage dataset events to {}", targets);
    return new LineageExport(events, sinks);
  }

  @Override
  public void changed(CatalogChange change) {
    Instant at = Instant.now();
    events.of(change, at).forEach(event -> sinks.forEach(sink -> sink.emit(event)));
  }

  @Override
  public void close() {
    sinks.forEach(LineageSink::close);
  }
}
