package io.tributary.adapter.spi;

/** One follower's subscription to a {@link ChangeFeed}. */
public interface ChangeSubscription extends AutoCloseable {
  /**
   * Everything up to here was delivered and applied: the store may discard it. A feed that resumes
   * after a restart resumes after the last position acknowledged.
   */
  void acknowledge(ChangePosition position);

  /** Stops following; what the store keeps for resuming (a replication slot) stays. */
  @Override
  void close();

  /** Stops following and removes what the store kept for it: nothing can resume it. */
  void drop();
}
