package io.tributary.catalog.contract;

/**
 * A version that may not be served again: older than the version served for its major (a replayed
 * or stale copy), or withdrawn by its team (rolled back or retired by hand). Says which version to
 * publish above.
 */
public final class StaleVersionException extends ContractException {
  private static final long serialVersionUID = 1L;

  public StaleVersionException(String origin, String problem) {
    super(origin, "version", problem);
  }
}
