package io.tributary.adapter.spi;

/**
 * A statement an adapter will not send to its domain's store, for a reason of that store (a value
 * it cannot hold, say). Queries touching the domain with that statement fail with this message and
 * SQLSTATE; the gateway and every other query keep working.
 */
public class DomainQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String domain;
  private final String sqlState;

  /**
   * @param domain the domain whose store the statement was for
   * @param sqlState the SQLSTATE users get, as the store itself would report the problem
   * @param message what is wrong and what to do, naming the domain
   */
  public DomainQueryException(String domain, String sqlState, String message) {
    super(message);
    this.domain = domain;
    this.sqlState = sqlState;
  }

  public String domain() {
    return domain;
  }

  public String sqlState() {
    return sqlState;
  }
}
