package io.tributary.gateway.door.flight;

import io.tributary.gateway.security.AuthenticationException;
import io.tributary.gateway.security.Authenticator;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;

/**
 * The basic-auth handshake, checked by the gateway's {@link Authenticator}. Arrow's
 * {@code GeneratedBearerTokenAuthenticator} wraps it to hand the client a bearer token.
 */
final class BasicLogin implements CallHeaderAuthenticator {
  private final BasicCallHeaderAuthenticator basic;

  BasicLogin(Authenticator authenticator) {
    this.basic = new BasicCallHeaderAuthenticator((user, password) -> {
      try {
        String identity = authenticator.authenticate(user, password);
        return () -> identity;
      } catch (AuthenticationException e) {
        throw CallStatus.UNAUTHENTICATED.withDescription(e.getMessage()).toRuntimeException();
      }
    });
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    if (AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX) == null) {
      // Arrow's own answer names no remedy.
      throw CallStatus.UNAUTHENTICATED.withDescription("log in with a user name and password (basic"
          + " authentication), e.g. jdbc:arrow-flight-sql://host:32010?user=me&password=...").toRuntimeException();
    }
    return basic.authenticate(headers);
  }
}
