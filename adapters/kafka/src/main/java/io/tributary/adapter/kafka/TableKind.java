package io.tributary.adapter.kafka;

/** How a topic reads as a table. */
enum TableKind {
  /** A compacted topic: the latest value per key; a tombstone (null value) deletes the row. */
  ENTITY,
  /** An append-only topic: every record still retained, bounded by a row cap and a retention. */
  EVENTS
}
