package io.tributary.adapter.spi;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The adapters found on the class path, by type name. */
public final class DomainAdapters {
  private final Map<String, DomainAdapter> byType;

  private DomainAdapters(Map<String, DomainAdapter> byType) {
    this.byType = byType;
  }

  /** Discovers adapters with {@link ServiceLoader}; two adapters claiming one type is an error. */
  public static DomainAdapters discover() {
    Map<String, DomainAdapter> byType = new TreeMap<>();
    for (DomainAdapter adapter : ServiceLoader.load(DomainAdapter.class)) {
      for (String type : adapter.types()) {
        DomainAdapter previous = byType.putIfAbsent(type, adapter);
        if (previous != null) {
          throw new IllegalStateException("adapter type `" + type + "` is claimed by both "
              + previous.getClass().getName() + " and " + adapter.getClass().getName());
        }
      }
    }
    return new DomainAdapters(byType);
  }

  /** The adapter for {@code type}, or a message listing the known types. */
  public DomainAdapter forType(String domain, String type) {
    DomainAdapter adapter = byType.get(type);
    if (adapter == null) {
      throw new InvalidDomainSettingsException(domain, "adapter",
          "`" + type + "` is not a known adapter type; expected one of " + types());
    }
    return adapter;
  }

  public Set<String> types() {
    return byType.keySet();
  }
}
