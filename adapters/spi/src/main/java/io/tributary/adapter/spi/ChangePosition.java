package io.tributary.adapter.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a store's change log, in the store's own words, and when it was committed and heard.
 *
 * @param position the store's position, as text a feed can resume after (a PostgreSQL LSN such as
 *     {@code 0/16B3748}, a binlog {@code file:offset} or GTID set, a Kafka {@code partition:offset} list)
 * @param order increases with every later position of the same feed, so followers can compare positions
 * @param committedAt when the store committed what is at this position
 * @param heardAt when the gateway learnt of it: the change-to-visible lag starts here at the latest
 */
public record ChangePosition(String position, long order, Instant committedAt, Instant heardAt) {
  public ChangePosition {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(committedAt, "committedAt");
    Objects.requireNonNull(heardAt, "heardAt");
  }
}
