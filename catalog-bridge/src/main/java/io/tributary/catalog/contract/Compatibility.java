package io.tributary.catalog.contract;

import java.util.List;

/** The backward-compatibility rule between two versions of one major. */
public final class Compatibility {
  private Compatibility() {}

  /**
   * What {@code proposed} breaks of {@code served}'s promises, one sentence each; empty when a
   * consumer of {@code served} keeps working on {@code proposed}.
   */
  public static List<String> breaks(DataContract served, DataContract proposed) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
