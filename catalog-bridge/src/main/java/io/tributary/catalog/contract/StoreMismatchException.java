package io.tributary.catalog.contract;

import java.util.List;
import java.util.Optional;

/**
 * A version whose store does not hold what it promises (a table or column missing, a type that
 * does not fit, a required column the store allows nulls in): it is not served, and the version
 * served before, if any, stays.
 */
public final class StoreMismatchException extends ContractException {
  private static final long serialVersionUID = 1L;

  private final List<String> violations;

  public StoreMismatchException(DataContract proposed, Optional<DataContract> served, List<String> violations) {
    super(proposed.origin(), "schema", proposed.version() + " of " + proposed.domain() + "." + proposed.product()
        + " does not match the store of domain `" + proposed.domain() + "`: " + String.join("; ", violations) + "; "
        + served.map(s -> s.version() + " stays served").orElse("nothing is served for major "
            + proposed.version().major())
        + ". Change the store first, or publish a contract that matches it");
    this.violations = List.copyOf(violations);
  }

  public List<String> violations() {
    return violations;
  }
}
