package io.tributary.bench.tpch;

/**
 * What happened to one execution of a query.
 *
 * @param result the answer, when there is one
 * @param nanos wall time from sending the query to the last row read
 * @param message why there is no answer
 */
record Execution(Kind kind, ResultTable result, long nanos, String message) {
  enum Kind { ANSWERED, FAILED, TIMED_OUT }

  static Execution answered(ResultTable result, long nanos) {
    return new Execution(Kind.ANSWERED, result, nanos, null);
  }

  static Execution failed(String message) {
    return new Execution(Kind.FAILED, null, 0, message);
  }

  static Execution timedOut(String message) {
    return new Execution(Kind.TIMED_OUT, null, 0, message);
  }

  boolean isAnswered() {
    return kind == Kind.ANSWERED;
  }

  double millis() {
    return nanos / 1e6;
  }
}
