package io.tributary.adapter.jdbc.replication;

import java.util.Optional;
import org.postgresql.replication.LogSequenceNumber;

/**
 * Where a follower's stream starts, and whether changes it asked for are gone.
 *
 * @param from the stream resumes after this LSN; never before the slot's confirmed position
 * @param lost why the follower cannot resume where it asked, if it cannot
 */
record StartingPoint(LogSequenceNumber from, Optional<String> lost) {

  /**
   * @param slot the follower's slot as found or made
   * @param walEnd where the server's WAL ends now
   * @param resumeAfter the position the follower asked to resume after; empty to start from now
   */
  static StartingPoint of(StoreSideObjects.Slot slot, LogSequenceNumber walEnd,
      Optional<LogSequenceNumber> resumeAfter, String name) {
    if (resumeAfter.isEmpty()) {
      return new StartingPoint(walEnd, Optional.empty());
    }
    LogSequenceNumber asked = resumeAfter.get();
    if (slot.created()) {
      return new StartingPoint(walEnd, Optional.of("the store had no replication slot `" + name
          + "` to resume after " + asked.asString() + " from; a new one follows from " + walEnd.asString()));
    }
    if (Long.compareUnsigned(slot.confirmedFlush().asLong(), asked.asLong()) > 0) {
      return new StartingPoint(slot.confirmedFlush(), Optional.of("replication slot `" + name + "` was acknowledged up to "
          + slot.confirmedFlush().asString() + " and no longer holds the changes after " + asked.asString()));
    }
    if (Long.compareUnsigned(asked.asLong(), walEnd.asLong()) > 0) {
      return new StartingPoint(walEnd, Optional.of("position " + asked.asString() + " lies beyond the store's WAL, which ends at "
          + walEnd.asString() + " (was the store restored from a backup?)"));
    }
    return new StartingPoint(asked, Optional.empty());
  }
}
