package io.tributary.gateway.door.jdbc;

/** The address of the client whose HTTP request this thread serves, for the session it opens. */
final class ClientAddress {
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private ClientAddress() {}

  static String current() {
    String address = CURRENT.get();
    return address == null ? "" : address;
  }

  static void set(String address) {
    CURRENT.set(address);
  }

  static void clear() {
    CURRENT.remove();
  }
}
