package io.tributary.catalog.feed;

/** The store a contract maps onto cannot be asked for its shape now; says which domain and why. */
public final class StoreUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreUnreachableException(String domain, String cause) {
    super("the store of domain `" + domain + "` cannot be reached: " + cause);
  }
}
