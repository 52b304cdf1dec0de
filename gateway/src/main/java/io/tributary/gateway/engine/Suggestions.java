package io.tributary.gateway.engine;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?": the candidates closest to a misspelt name. */
final class Suggestions {
  private static final int MAX = 3;

  private Suggestions() {}

  /** Up to three candidates within a few edits of {@code name}, closest first. */
  static List<String> near(String name, Collection<String> candidates) {
    String wanted = name.toLowerCase(Locale.ROOT);
    int tolerance = Math.max(2, wanted.length() / 3);
    return candidates.stream()
        .distinct()
        .filter(c -> distance(wanted, c.toLowerCase(Locale.ROOT)) <= tolerance
            || c.toLowerCase(Locale.ROOT).endsWith("." + wanted))
        .sorted(Comparator.comparingInt(c -> distance(wanted, c.toLowerCase(Locale.ROOT))))
        .limit(MAX)
        .toList();
  }

  /** ", did you mean `a` or `b`?" or nothing. */
  static String didYouMean(String name, Collection<String> candidates) {
    List<String> near = near(name, candidates);
    if (near.isEmpty()) {
      return "";
    }
    return "; did you mean " + String.join(" or ", near.stream().map(n -> "`" + n + "`").toList()) + "?";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
