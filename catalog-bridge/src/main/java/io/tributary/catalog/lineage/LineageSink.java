package io.tributary.catalog.lineage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Where OpenLineage events go. Never throws: a catalog that cannot be reached must not stop the gateway. */
interface LineageSink extends AutoCloseable {

  void emit(ObjectNode event);

  @Override
  void close();
}
