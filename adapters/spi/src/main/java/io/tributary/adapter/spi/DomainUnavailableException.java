package io.tributary.adapter.spi;

/**
 * A domain's store cannot be reached. Queries touching that domain fail with this message;
 * every other domain keeps answering.
 */
public final class DomainUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String domain;

  /**
   * @param domain the domain whose store is down
   * @param store where the store is, as configured (for example its JDBC URL, without secrets)
   * @param cause what the store's client said
   */
  public DomainUnavailableException(String domain, String store, Throwable cause) {
    super("domain `" + domain + "` is unreachable at " + store + ": " + rootMessage(cause)
        + "; queries touching " + domain + ".* fail until it returns", cause);
    this.domain = domain;
  }

  public String domain() {
    return domain;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
