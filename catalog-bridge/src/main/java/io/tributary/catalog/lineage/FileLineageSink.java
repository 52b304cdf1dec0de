package io.tributary.catalog.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each event to a file as one line of JSON (the form OpenLineage's file transport and
 * log shippers read). The file is opened per event: events are rare, and a rotated file is simply
 * created again.
 */
final class FileLineageSink implements LineageSink {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(FileLineageSink.class);

  private final Path file;

  FileLineageSink(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void emit(ObjectNode event) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      Files.writeString(file, MAPPER.writeValueAsString(event) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      LOG.warn("OpenLineage event for {} not written to {}: {}", event.path("dataset").path("name").asText(), file,
          e.toString());
    }
  }

  @Override
  public void close() {
    // nothing held open between events
  }
}
