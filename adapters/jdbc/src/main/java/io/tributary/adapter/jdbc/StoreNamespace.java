package io.tributary.adapter.jdbc;

/**
 * Where a domain's tables live inside a store, in JDBC's terms: PostgreSQL and H2 name a schema,
 * MySQL names a database (a JDBC catalog).
 */
record StoreNamespace(String catalog, String schema) {

  static StoreNamespace schema(String schema) {
    return new StoreNamespace(null, schema);
  }

  static StoreNamespace catalog(String catalog) {
    return new StoreNamespace(catalog, null);
  }

  /** The name the store's own catalog tables use for this namespace. */
  String name() {
    return schema != null ? schema : catalog;
  }
}
