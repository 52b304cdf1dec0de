package io.tributary.gateway.product;

import io.tributary.catalog.contract.DataContract;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest check of one product version against its store.
 *
 * @param contract the version checked
 * @param checkedAt when the store was last read for it
 * @param violations what the store breaks, each with when it was first seen (it stays that time
 *     across checks while it persists); empty when the contract holds
 */
public record CheckResult(DataContract contract, Instant checkedAt, Map<Violation, Instant> violations) {

  public CheckResult {
    violations = Collections.unmodifiableMap(new LinkedHashMap<>(violations));
  }

  public boolean broken() {
    return !violations.isEmpty();
  }

  public List<Violation> violationList() {
    return List.copyOf(violations.keySet());
  }
}
