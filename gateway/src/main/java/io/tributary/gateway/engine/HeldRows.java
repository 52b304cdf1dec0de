package io.tributary.gateway.engine;

import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.tree.Types;

/**
 * Counts, for {@code limits.maxQueryMemory}, the rows an operator keeps as they flow into it: the
 * generated code of a plan calls these around the inputs {@link HeldInputs} marks. Rows are sized
 * from a sample ({@link RowSizes}); an aggregate is charged for its groups, counted with a
 * {@link DistinctCount}, not for its rows. Outside a query nothing is counted.
 */
public final class HeldRows {
  static final Method HELD = Types.lookupMethod(HeldRows.class, "held", Enumerable.class, int.class, String.class);
  static final Method GROUPED = Types.lookupMethod(HeldRows.class, "grouped", Enumerable.class, int.class,
      String.class, int[].class, int.class);
  /** How many rows go by between two reports to the query's account. */
  private static final int REPORT_EVERY = 256;
  /** Every how many rows one is sized, after the first {@link #REPORT_EVERY}. */
  private static final int SAMPLE_EVERY = 16;
  /** What each accumulator of an aggregate's group holds: a boxed running value. */
  private static final int ACCUMULATOR = 24;

  private HeldRows() {}

  /** {@code rows}, each one counted as held by the operator at {@code site} once it has passed. */
  public static <T> Enumerable<T> held(Enumerable<T> rows, int site, String operator) {
    return counted(rows, site, operator, null, 0);
  }

  /** {@code rows}, counted as the groups of an aggregate on the fields {@code keys} with {@code accumulators} per group. */
  public static <T> Enumerable<T> grouped(Enumerable<T> rows, int site, String operator, int[] keys, int accumulators) {
    return counted(rows, site, operator, keys, accumulators);
  }

  private static <T> Enumerable<T> counted(Enumerable<T> rows, int site, String operator, int[] keys,
      int accumulators) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<T> enumerator() {
        Optional<QueryMemory> memory = QueryRun.current().map(QueryRun::memory);
        if (memory.isEmpty()) {
          return rows.enumerator();
        }
        memory.get().restart(site);
        return new Counting<>(rows.enumerator(), memory.get(), site, operator, keys, accumulators);
      }
    };
  }

  private static final class Counting<T> implements Enumerator<T> {
    private final Enumerator<T> rows;
    private final QueryMemory memory;
    private final int site;
    private final String operator;
    /** The group keys of an aggregate, or null for an operator that keeps every row. */
    private final int[] keys;
    private final long perGroup;
    private final DistinctCount groups = new DistinctCount();
    private long count;
    private long sampled;
    private long sampledBytes;
    private long reported;

    Counting(Enumerator<T> rows, QueryMemory memory, int site, String operator, int[] keys, int accumulators) {
      this.rows = rows;
      this.memory = memory;
      this.site = site;
      this.operator = operator;
      this.keys = keys;
      this.perGroup = RowSizes.ENTRY + (long) ACCUMULATOR * accumulators;
    }

    @Override
    public T current() {
      return rows.current();
    }

    @Override
    public boolean moveNext() {
      if (!rows.moveNext()) {
        report();
        return false;
      }
      T row = rows.current();
      count++;
      if (count <= REPORT_EVERY || count % SAMPLE_EVERY == 0) {
        sampled++;
        sampledBytes += keys == null ? RowSizes.of(row) : RowSizes.of(row, keys);
      }
      if (keys != null) {
        groups.add(keyHash(row));
      }
      if (count % REPORT_EVERY == 0) {
        report();
      }
      return true;
    }

    private long keyHash(T row) {
      if (!(row instanceof Object[] fields)) {
        return Objects.hashCode(row);
      }
      long hash = 1;
      for (int key : keys) {
        hash = 31 * hash + Objects.hashCode(fields[key]);
      }
      return hash;
    }

    /** Tells the account what the operator holds now, as estimated from the rows so far. */
    private void report() {
      if (sampled == 0) {
        return;
      }
      long average = sampledBytes / sampled;
      long holds = keys == null ? count * (average + RowSizes.ENTRY)
          : Math.min(count, groups.estimate()) * (average + perGroup);
      if (holds > reported) {
        memory.grow(site, holds - reported, operator);
        reported = holds;
      }
    }

    @Override
    public void reset() {
      rows.reset();
      memory.restart(site);
      count = 0;
      reported = 0;
    }

    @Override
    public void close() {
      rows.close();
    }
  }
}
