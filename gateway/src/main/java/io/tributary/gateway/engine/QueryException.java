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
  public static final String DIVISION_BY_ZERO = "22012";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String INVALID_DATETIME_FORMAT = "22007";
  public static final String READ_ONLY = "25006";
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  public static final String CANCELLED = "57014";
  public static final String TOO_MANY_ROWS = "54000";
  public static final String TOO_COMPLEX = "54001";
  public static final String OUT_OF_MEMORY = "53200";
  public static final String TOO_MANY_SESSIONS = "53300";
  public static final String SESSION_CLOSED = "08003";
  /** PostgreSQL's invalid_parameter_value: a SET with a value the setting does not take. */
  public static final String INVALID_PARAMETER = "22023";

  public QueryException(String message, String sqlState, Throwable cause) {
    super(message, sqlState, cause);
  }
}
