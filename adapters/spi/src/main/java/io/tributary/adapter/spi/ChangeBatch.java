package io.tributary.adapter.spi;

import java.util.List;
import java.util.Objects;

/**
 * The changes one committed transaction made to the followed tables, in the order it made them.
 *
 * @param position where the transaction's commit sits in the store's change log
 * @param changes its row changes; never empty
 */
public record ChangeBatch(ChangePosition position, List<RowChange> changes) {
  public ChangeBatch {
    Objects.requireNonNull(position, "position");
    changes = List.copyOf(changes);
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("a change batch holds at least one change");
    }
  }
}
