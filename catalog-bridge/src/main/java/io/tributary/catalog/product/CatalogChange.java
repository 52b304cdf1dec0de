package io.tributary.catalog.product;

import io.tributary.catalog.contract.DataContract;
import java.util.Optional;

/**
 * What one publication or retirement did to the catalog.
 *
 * @param kind added, replaced or retired
 * @param contract the version concerned (for a retirement: the version that was served)
 * @param previous the version it replaced, for {@link Kind#REPLACED}
 */
public record CatalogChange(Kind kind, DataContract contract, Optional<DataContract> previous) {

  /** The three things that can happen to a product version. */
  public enum Kind { ADDED, REPLACED, RETIRED }
}
