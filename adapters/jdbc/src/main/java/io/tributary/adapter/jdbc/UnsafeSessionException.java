package io.tributary.adapter.jdbc;

import java.sql.SQLException;

/** A new store connection did not keep the session settings its dialect relies on. */
final class UnsafeSessionException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATE class 08: the server rejected the connection as the gateway must use it. */
  static final String REJECTED = "08004";

  UnsafeSessionException(String message, Throwable cause) {
    super(message, REJECTED, cause);
  }
}
