package io.tributary.catalog.feed;

import io.tributary.catalog.contract.DataContract;
import java.util.List;

/**
 * Compares a contract version with the store it maps onto, before the version is served: the
 * gateway asks each domain store for the shape of the tables the contract names.
 */
@FunctionalInterface
public interface StoreCheck {
  /** Checks nothing: for a catalog without stores behind it. */
  StoreCheck NONE = contract -> List.of();

  /**
   * @return what the store breaks of the contract's promises, one sentence each naming the table
   *     and column; empty when the store keeps them all
   * @throws StoreUnreachableException when the store cannot be asked now
   */
  List<String> violations(DataContract contract);
}
