package io.tributary.gateway.engine;

/**
 * The engine stopped a query: a client or an operator cancelled it, or it reached one of the
 * gateway's limits. Thrown through Calcite's planner and enumerators, so unchecked; every door
 * reports it with its message and SQLSTATE.
 */
final class QueryAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  QueryAbortedException(String message, String sqlState) {
    super(message, null, false, false);
    this.sqlState = sqlState;
  }

  String sqlState() {
    return sqlState;
  }

  /** The same reason, thrown anew from another place. */
  QueryAbortedException again() {
    return new QueryAbortedException(getMessage(), sqlState);
  }
}
