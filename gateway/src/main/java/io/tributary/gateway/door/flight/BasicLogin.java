package io.tributary.gateway.door.flight;

import io.tributary.gateway.security.AuthenticationException;
import io.tributary.gateway.security.Authenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BasicCallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.auth2.GeneratedBearerTokenAuthenticator;

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

  /** The login of the door: basic credentials for a bearer token, and every refusal saying what to do. */
  static CallHeaderAuthenticator withBearerTokens(Authenticator authenticator) {
    CallHeaderAuthenticator tokens = new GeneratedBearerTokenAuthenticator(new BasicLogin(authenticator));
    return headers -> {
      try {
        return tokens.authenticate(headers);
      } catch (FlightRuntimeException e) {
        String description = e.status().description();
        if (e.status().code() == FlightStatusCode.UNAUTHENTICATED && (description == null || description.isBlank())) {
          // Arrow refuses a bearer token it did not issue, or no longer knows, without a word.
          throw CallStatus.UNAUTHENTICATED.withDescription("the bearer token is unknown or has expired; log in"
              + " again with a user name and password").toRuntimeException();
        }
        throw e;
      }
    };
  }

  @Override
  public AuthResult authenticate(CallHeaders headers) {
    String credentials = AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BASIC_PREFIX);
    if (credentials == null) {
      // Arrow's own answer names no remedy.
      throw CallStatus.UNAUTHENTICATED.withDescription("log in with a user name and password (basic"
          + " authentication), e.g. jdbc:arrow-flight-sql://host:32010?user=me&password=...").toRuntimeException();
    }
    if (!userAndPassword(credentials)) {
      // Arrow's own check answers these with no description, or fails decoding them.
      throw CallStatus.UNAUTHENTICATED.withDescription("the basic credentials are malformed; log in with"
          + " Basic base64(user:password), as Flight SQL clients do").toRuntimeException();
    }
    return basic.authenticate(headers);
  }

  private static boolean userAndPassword(String encoded) {
    try {
      return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8).indexOf(':') >= 0;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
