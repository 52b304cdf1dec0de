package io.tributary.adapter.kafka;

/** A record that cannot become a row of its table; it is rejected, and the table goes on. */
final class BadRecordException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRecordException(String reason) {
    super(reason, null, false, false);
  }
}
