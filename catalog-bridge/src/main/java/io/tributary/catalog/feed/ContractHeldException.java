package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;

/**
 * A version that would replace a served one while its store cannot be reached: it is held back, not
 * served, and checked again until the store answers; the served version keeps serving meanwhile.
 */
public final class ContractHeldException extends ContractException {
  private static final long serialVersionUID = 1L;

  ContractHeldException(DataContract held, DataContract served, String cause) {
    super(held.origin(), "", "held back: " + held.version() + " of " + held.domain() + "." + held.product()
        + " cannot be checked against its store now (" + cause + "); " + served.version() + " stays served, and "
        + held.version() + " is served once its store answers and keeps it");
  }
}
