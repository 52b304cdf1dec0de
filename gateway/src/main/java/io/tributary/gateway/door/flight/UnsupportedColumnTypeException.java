package io.tributary.gateway.door.flight;

/** A result column or parameter whose SQL type has no Arrow mapping in this door yet. */
final class UnsupportedColumnTypeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnsupportedColumnTypeException(String what, String sqlType) {
    super(what + " has SQL type " + sqlType + ", which the Arrow Flight SQL door cannot send yet;"
        + " CAST it to a number, DECIMAL, VARCHAR, BOOLEAN, DATE, TIME, TIMESTAMP or VARBINARY");
  }
}
