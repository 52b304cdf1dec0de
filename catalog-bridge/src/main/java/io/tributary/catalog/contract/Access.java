package io.tributary.catalog.contract;

/** Who may read a product through the gateway. Kept on every table for security to enforce. */
public enum Access {
  /** Anyone with access to the gateway. */
  PUBLIC,
  /** Inside the organisation; served, with the level recorded for grants to come. */
  INTERNAL,
  /** The owning domain only: never served through the gateway. */
  PRIVATE
}
