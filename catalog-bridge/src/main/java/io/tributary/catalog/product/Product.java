package io.tributary.catalog.product;

import io.tributary.catalog.contract.DataContract;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A data product as served now: one contract per major version, side by side.
 *
 * @param id the contract id every version shares
 * @param domain the publishing domain
 * @param name the product's name
 * @param majors the served version of each major
 */
public record Product(String id, String domain, String name, NavigableMap<Integer, DataContract> majors) {

  public Product {
    majors = Collections.unmodifiableNavigableMap(new TreeMap<>(majors));
    if (majors.isEmpty()) {
      throw new IllegalArgumentException("a product has at least one major version");
    }
  }

  /** The highest major: what {@code <domain>.<table>} resolves to. */
  public DataContract latest() {
    return majors.lastEntry().getValue();
  }
}
