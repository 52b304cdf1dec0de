package io.tributary.adapter.kafka;

/**
 * One decoded record, ready to apply to a table's state.
 *
 * @param key the record key as text (null allowed for events)
 * @param row the new row, or null for a tombstone
 * @param partition where the record came from
 * @param offset its offset in that partition
 */
record Change(String key, Object[] row, int partition, long offset) {}
