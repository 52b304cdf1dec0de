package io.tributary.adapter.spi;

import java.util.List;
import java.util.Optional;

/**
 * The committed changes of a domain store's tables, in commit order: what keeps the gateway's cached
 * joins in sync with the store (sync, not fetch). A store offers one through
 * {@link DomainSource#changes()}; PostgreSQL's logical replication, the MySQL/MariaDB binlog and Kafka
 * topic tables are the built-in ones.
 */
public interface ChangeFeed {
  /**
   * Follows the changes of {@code storeTables} and calls {@code listener} with each committed
   * transaction that touches them, in commit order, on the feed's own thread.
   *
   * <p>The feed survives its store going down: it tells {@link ChangeListener#unreachable}, keeps
   * trying, and resumes where it stopped once the store answers. It never skips a change silently:
   * when it cannot resume where it stopped (the store no longer holds that position), it tells
   * {@link ChangeListener#lost}, and the follower rebuilds from the store.
   *
   * @param follower names what follows, so the store-side objects the feed needs (a replication
   *     slot and publication, say) are recognisable as the gateway's and found again after a restart;
   *     lower-case letters, digits and {@code _}
   * @param storeTables the store's names of the tables to follow, as {@link DomainSource#storeTable} takes them
   * @param resumeAfter a position a subscription reported before ({@link ChangePosition#position()}, of a
   *     batch or of a {@link ChangeListener#caughtUp} report), to resume after it where the store still
   *     holds it; empty to start from now: every transaction committed after {@code follow} returns is
   *     delivered, and none before, whatever the store kept for an earlier subscription of this follower
   * @throws DomainUnavailableException when the store cannot be reached to set the subscription up
   * @throws DomainQueryException when the store refuses (e.g. the login may not replicate), with a
   *     message naming the domain and what to grant or configure
   */
  ChangeSubscription follow(String follower, List<String> storeTables, Optional<String> resumeAfter,
      ChangeListener listener);
}
