package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The backward-compatibility rule between two versions of one major: a consumer's query that works
 * on the served version must work, with the same meaning, on the proposed one. Only SQL-visible
 * promises count; a changed physical mapping is the owner's business.
 */
public final class Compatibility {
  private Compatibility() {}

  /**
   * What {@code proposed} breaks of {@code served}'s promises, one sentence each; empty when a
   * consumer of {@code served} keeps working on {@code proposed}. Adding tables and columns, widening
   * a type (see {@link TypeWidening}), making a column required and widening access never break.
   */
  public static List<String> breaks(DataContract served, DataContract proposed) {
    List<String> breaks = new ArrayList<>();
    if (proposed.access().compareTo(served.access()) > 0) {
      breaks.add("access narrows from " + served.access().name().toLowerCase(Locale.ROOT) + " to "
          + proposed.access().name().toLowerCase(Locale.ROOT));
    }
    Map<String, ContractTable> proposedTables = byName(proposed.tables(), ContractTable::name);
    for (ContractTable table : served.tables()) {
      ContractTable next = proposedTables.get(table.name());
      if (next == null) {
        breaks.add("table `" + table.name() + "` is removed");
      } else {
        columnBreaks(table, next, breaks);
      }
    }
    return breaks;
  }

  private static void columnBreaks(ContractTable served, ContractTable proposed, List<String> breaks) {
    Map<String, ContractColumn> proposedColumns = byName(proposed.columns(), ContractColumn::name);
    for (ContractColumn column : served.columns()) {
      String name = "column `" + served.name() + "." + column.name() + "`";
      ContractColumn next = proposedColumns.get(column.name());
      if (next == null) {
        breaks.add(name + " is removed");
        continue;
      }
      if (!TypeWidening.holds(column.type(), next.type())) {
        breaks.add(name + " changes type from " + column.type().written() + " to " + next.type().written()
            + ", which does not hold every value it held");
      }
      if (column.required() && !next.required()) {
        breaks.add(name + " was required and may now be null");
      }
    }
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    return items.stream().collect(Collectors.toMap(name, Function.identity()));
  }
}
