package io.tributary.catalog.contract;

import java.util.List;

/**
 * A new version with the same major as a served one that would break its consumers (a column
 * removed, a type changed incompatibly, a nullable column made promised-required is fine, the
 * reverse is not). A breaking change needs a new major.
 */
public final class IncompatibleContractException extends ContractException {
  private static final long serialVersionUID = 1L;

  private final List<String> breaks;

  public IncompatibleContractException(String origin, DataContract served, DataContract proposed, List<String> breaks) {
    super(origin, "version", proposed.version() + " keeps major " + proposed.version().major() + " of "
        + proposed.domain() + "." + proposed.product() + " (served: " + served.version() + ") but breaks it: "
        + String.join("; ", breaks) + "; publish it as major " + (served.version().major() + 1) + " instead");
    this.breaks = List.copyOf(breaks);
  }

  public List<String> breaks() {
    return breaks;
  }
}
