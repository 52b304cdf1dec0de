package io.tributary.gateway.engine;

import java.sql.SQLException;

/** A query that cannot be answered, with a message a user can act on and a standard SQLSTATE. */
public final class QueryException extends SQLException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATEs the engine answers with. */
  public static final String SYNTAX_ERROR = "42601";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String UNDEFINED_COLUMN = "42703";
  public static final String INVALID_QUERY = "42000";
  public static final String STORE_UNAVAILABLE = "08001";
  public static final String INTERNAL = "XX000";

  public QueryException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
