package io.tributary.testkit;

/**
 * A database server the tests need could not be reached or started. The message says which one,
 * what went wrong and what to run by hand, because a test run is usually the first place it shows.
 */
public final class ServiceStartException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ServiceStartException(String message) {
    super(message);
  }

  public ServiceStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
