package io.tributary.gateway.engine;

import java.util.Objects;

/**
 * Who opens a session: the user as the door authenticated them, the door, and where the client
 * connects from (for people reading {@code tributary.queries}, and for the audit to come).
 *
 * @param user the user name; {@code anonymous} until doors authenticate
 * @param door the door the session came through
 * @param address the client's address as the door saw it, or empty when unknown
 */
public record Caller(String user, Door door, String address) {
  public static final String ANONYMOUS = "anonymous";

  public Caller {
    user = user == null || user.isBlank() ? ANONYMOUS : user;
    Objects.requireNonNull(door, "door");
    address = address == null ? "" : address;
  }
}
