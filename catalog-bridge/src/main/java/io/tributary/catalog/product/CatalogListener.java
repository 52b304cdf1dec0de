package io.tributary.catalog.product;

/** Told of every change, after it took effect, on the thread that made it. Must not throw. */
@FunctionalInterface
public interface CatalogListener {
  void changed(CatalogChange change);
}
