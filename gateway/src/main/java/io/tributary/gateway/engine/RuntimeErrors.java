package io.tributary.gateway.engine;

import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.calcite.plan.RelOptPlanner;

/**
 * What evaluating a query throws, by type, as the SQL errors PostgreSQL users know: a division by
 * zero, a value that is not a number, a statement nested too deep to plan, a plan Calcite cannot
 * make. Calcite may evaluate constant expressions while planning, so these come from planning too.
 */
final class RuntimeErrors {
  private RuntimeErrors() {}

  static Optional<QueryException> translate(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      Optional<QueryException> known = known(t, failure);
      if (known.isPresent()) {
        return known;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        known = translate(suppressed);
        if (known.isPresent()) {
          return known;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<QueryException> known(Throwable t, Throwable failure) {
    String message = t.getMessage() == null ? "" : t.getMessage();
    if (t instanceof ArithmeticException) {
      boolean zero = message.toLowerCase(java.util.Locale.ROOT).contains("zero");
      return Optional.of(new QueryException(zero ? "division by zero" : "numeric value out of range: " + message,
          zero ? QueryException.DIVISION_BY_ZERO : QueryException.NUMERIC_OUT_OF_RANGE, failure));
    }
    if (t instanceof NumberFormatException) {
      return Optional.of(new QueryException("invalid input syntax for a number: "
          + message.replace("For input string: ", ""), QueryException.INVALID_TEXT_REPRESENTATION, failure));
    }
    if (t instanceof DateTimeParseException parse) {
      return Optional.of(new QueryException("invalid input syntax for a date or time: \"" + parse.getParsedString() + "\"",
          QueryException.INVALID_DATETIME_FORMAT, failure));
    }
    if (t instanceof StackOverflowError) {
      // Calcite recurses on long flat lists too: an IN list of thousands of values becomes thousands of nested ORs.
      return Optional.of(new QueryException("the statement is nested too deeply for the gateway to plan; write it with"
          + " fewer nested parentheses or sub-queries, or shorter IN lists and OR chains", QueryException.TOO_COMPLEX,
          failure));
    }
    if (t instanceof OutOfMemoryError) {
      return Optional.of(new QueryException("out of memory while running the query; reduce what it holds in the"
          + " gateway (filters, fewer columns, a LIMIT)", QueryException.OUT_OF_MEMORY, failure));
    }
    if (t instanceof UnsupportedOperationException && thrownByCalcite(t)) {
      // Calcite's "need to implement": its parser accepted something its validator or planner cannot handle.
      return Optional.of(new QueryException("the gateway does not support this statement: part of it parses as SQL"
          + " the gateway cannot plan; write it as a query (SELECT, WITH or VALUES) without that part",
          QueryException.FEATURE_NOT_SUPPORTED, failure));
    }
    if (t instanceof RelOptPlanner.CannotPlanException) {
      return Optional.of(new QueryException("the gateway cannot plan this query: it uses an operation none of its"
          + " engines implements here; rewrite that part, or report it with the query", QueryException.FEATURE_NOT_SUPPORTED,
          failure));
    }
    return Optional.empty();
  }

  private static boolean thrownByCalcite(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    return frames.length > 0 && frames[0].getClassName().startsWith("org.apache.calcite.");
  }
}
