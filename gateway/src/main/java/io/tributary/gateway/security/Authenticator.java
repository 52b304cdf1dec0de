package io.tributary.gateway.security;

/**
 * Decides who a client is from the user name and password it presents. Every door asks the same
 * one, so that plugging in real authentication later changes one place.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * @return the identity the gateway knows the client by from now on
   * @throws AuthenticationException when the credentials are refused; its message is shown to the client
   */
  String authenticate(String user, String password) throws AuthenticationException;

  /** Until authentication exists: any user name is accepted as given, the password is not checked. */
  static Authenticator acceptAnyUser() {
    return (user, password) -> user;
  }
}
