package io.tributary.adapter.spi;

import java.util.Objects;

/**
 * Whether a domain's store answers, with a sentence a person can act on.
 *
 * @param status up or down
 * @param detail what was checked and, when down, why it failed
 */
public record Health(Status status, String detail) {

  /** The two states that matter to a query. */
  public enum Status { UP, DOWN }

  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public static Health up(String detail) {
    return new Health(Status.UP, detail);
  }

  public static Health down(String detail) {
    return new Health(Status.DOWN, detail);
  }

  public boolean isUp() {
    return status == Status.UP;
  }
}
