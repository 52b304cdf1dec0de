package io.tributary.adapter.kafka;

import java.util.List;

/**
 * A table's rows at one version: immutable, shared by every query that reads that version.
 *
 * @param version the state's version it was taken at
 * @param rows the rows; the arrays are never written after they are applied
 */
record Snapshot(long version, List<Object[]> rows) {
  static final Snapshot EMPTY = new Snapshot(0, List.of());
}
