package io.tributary.adapter.spi;

/** What a {@link ChangeFeed} tells its follower, on the feed's thread, one call at a time. */
public interface ChangeListener {
  /** A transaction the store committed, with its changes to the followed tables, in their order. */
  void committed(ChangeBatch batch);

  /**
   * Nothing else was committed to the followed tables up to {@code position}: the store was heard
   * at {@link ChangePosition#heardAt()}, which bounds how stale a follower up to date with it is.
   */
  void caughtUp(ChangePosition position);

  /** The store cannot be reached now; the feed keeps trying and resumes where it stopped. */
  void unreachable(DomainUnavailableException cause);

  /**
   * Changes were lost: the feed could not resume where it stopped (the store discarded that
   * position) and continues from {@code position}; the follower must rebuild from the store.
   */
  void lost(ChangePosition position, String why);
}
