package io.tributary.adapter.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row inserted, updated or deleted in a store table. Values are in the order of the table's
 * columns as {@link DomainSource#storeTable} describes them, each as JDBC's {@code getObject} returns
 * it for that column ({@code Integer}, {@code Long}, {@code BigDecimal}, {@code String}, {@code Boolean},
 * {@code Double}, {@code java.time.LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, …), or null.
 *
 * @param table the store's name of the table, as the follower named it
 * @param kind what happened
 * @param before the row before an update or a delete; for stores that only log the key of the old
 *     row, the key columns hold values and {@link #beforeIsKeyOnly} is true; null for an insert
 * @param after the row after an insert or an update; null for a delete
 * @param beforeIsKeyOnly whether {@code before} holds only the key columns (the others are null)
 */
public record RowChange(String table, Kind kind, Object[] before, Object[] after, boolean beforeIsKeyOnly) {
  /** What happened to the row. */
  public enum Kind { INSERT, UPDATE, DELETE }

  public RowChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.DELETE) != (after == null) || (kind == Kind.INSERT) != (before == null)) {
      throw new IllegalArgumentException(kind + " of " + table + " with before=" + Arrays.toString(before)
          + ", after=" + Arrays.toString(after));
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RowChange that && table.equals(that.table) && kind == that.kind
        && Arrays.equals(before, that.before) && Arrays.equals(after, that.after)
        && beforeIsKeyOnly == that.beforeIsKeyOnly;
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, kind, Arrays.hashCode(before), Arrays.hashCode(after), beforeIsKeyOnly);
  }

  @Override
  public String toString() {
    return kind + " " + table + " " + (before == null ? "" : Arrays.toString(before) + " → ")
        + (after == null ? "" : Arrays.toString(after));
  }
}
