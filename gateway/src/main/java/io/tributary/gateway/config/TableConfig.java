package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Map;

/**
 * A published table: either just its name ({@code - customers}) or a mapping with a
 * {@code source} name in the store and adapter-specific {@code options}.
 *
 * @param name the name in SQL
 * @param source the store's name for it; the same as {@code name} when omitted
 * @param options adapter-specific settings
 */
public record TableConfig(String name, String source, Map<String, Object> options) {

  public TableConfig {
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static TableConfig named(String name) {
    return new TableConfig(name, null, null);
  }

  public String sourceOrName() {
    return source == null ? name : source;
  }
}
