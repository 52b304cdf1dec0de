package io.tributary.gateway.door;

/**
 * A door cannot listen where it is configured to: the port is taken (often by another gateway
 * still running) or the address is not this machine's. Start-up stops with this message, which
 * names the door, the address and the setting to change.
 */
public final class PortUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param door the door, as users know it ("JDBC door")
   * @param setting the configuration key of its port
   */
  public PortUnavailableException(String door, String bind, int port, String setting, Throwable cause) {
    super("the " + door + " cannot listen on " + bind + ":" + port + " (" + rootMessage(cause) + "); stop what uses"
        + " the port, or set " + setting + " to another one (0 picks a free port)", cause);
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
