package io.tributary.gateway.security;

/** Credentials an {@link Authenticator} refuses; the message tells the client what to do. */
public final class AuthenticationException extends Exception {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message) {
    super(message);
  }
}
