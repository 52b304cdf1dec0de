package io.tributary.catalog;

import java.util.Objects;

/**
 * Who answers for a domain's data.
 *
 * @param team the owning team
 * @param contact how to reach them (an e-mail address, a chat channel)
 */
public record Owner(String team, String contact) {
  public Owner {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(contact, "contact");
  }
}
