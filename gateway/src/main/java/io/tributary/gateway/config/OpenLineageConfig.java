package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where catalog changes go as OpenLineage dataset events: an HTTP endpoint, a file, or both.
 *
 * @param url the endpoint events are posted to, e.g. Marquez's {@code http://host:5000/api/v1/lineage}
 * @param file the file events are appended to, one JSON per line
 * @param namespace the OpenLineage namespace the gateway's datasets are named in
 */
public record OpenLineageConfig(Optional<URI> url, Optional<Path> file, String namespace) {
  public static final String DEFAULT_NAMESPACE = "tributary";

  /** From YAML: a key left out takes its default. */
  @JsonCreator
  static OpenLineageConfig fromYaml(@JsonProperty("url") URI url, @JsonProperty("file") Path file,
      @JsonProperty("namespace") String namespace) {
    return new OpenLineageConfig(Optional.ofNullable(url), Optional.ofNullable(file),
        namespace == null ? DEFAULT_NAMESPACE : namespace);
  }
}
