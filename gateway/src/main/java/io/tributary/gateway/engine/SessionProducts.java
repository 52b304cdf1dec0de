package io.tributary.gateway.engine;

import io.tributary.gateway.product.ProductNamespace;
import io.tributary.gateway.product.ProductTable;
import java.sql.Connection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Keeps each session's data product tables in step with the catalog, so a connection a BI tool
 * holds for hours sees products published since it connected. Versions retired since stay
 * mounted: they fail naming the retirement, which says more than an unknown table.
 */
final class SessionProducts {
  private final ProductNamespace names;
  private final Set<String> domains;
  private final Map<Connection, Mounted> mounted = Collections.synchronizedMap(new WeakHashMap<>());

  SessionProducts(ProductNamespace names, Set<String> domains) {
    this.names = names;
    this.domains = Set.copyOf(domains);
  }

  /** Mounts the products served now into a new session. */
  void mount(Connection session, SchemaPlus root) {
    Map<String, Map<String, ProductTable>> tables = new HashMap<>();
    for (String domain : domains) {
      Map<String, ProductTable> current = names.tables(domain);
      current.forEach(root.getSubSchema(domain)::add);
      tables.put(domain, current);
    }
    mounted.put(session, new Mounted(root, tables));
  }

  /** Brings a session up to date before it prepares a statement; cheap when nothing changed; says whether anything did. */
  boolean refresh(Connection session) {
    Mounted known = mounted.get(session);
    if (known == null) {
      return false;
    }
    boolean changed = false;
    for (String domain : domains) {
      Map<String, ProductTable> current = names.tables(domain);
      if (known.tables().get(domain) != current) {
        current.forEach(known.root().getSubSchema(domain)::add);
        known.tables().put(domain, current);
        changed = true;
      }
    }
    return changed;
  }

  /**
   * A session's root schema and, per domain, the product tables last mounted into it (compared
   * by identity: the namespace computes a new map whenever the catalog changes).
   */
  private record Mounted(SchemaPlus root, Map<String, Map<String, ProductTable>> tables) {}
}
