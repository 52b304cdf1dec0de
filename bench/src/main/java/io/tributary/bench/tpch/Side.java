package io.tributary.bench.tpch;

import io.tributary.bench.Latencies;

/**
 * The executions of one query through one door: the first answer (the one compared), the timed
 * ones, and the failure after which the side stops, since a failing query fails again.
 */
final class Side {
  private final Door door;
  private final String sql;
  private final Latencies times;
  private Execution first;
  private Execution failure;
  private int executions;

  Side(Door door, String sql, int repetitions) {
    this.door = door;
    this.sql = sql;
    this.times = new Latencies(repetitions);
  }

  void run(boolean timed) {
    if (failure != null) {
      return;
    }
    Execution execution = door.execute(sql);
    executions++;
    if (first == null) {
      first = execution;
    }
    if (!execution.isAnswered()) {
      failure = execution;
    } else if (timed) {
      times.add(execution.nanos());
    }
  }

  /** Stops this side before it ran, as when planning alone already timed out. */
  void giveUp(Execution why) {
    failure = why;
    first = why;
  }

  /** Executions started, including one that failed. */
  int executions() {
    return executions;
  }

  /** The first execution, or null if none ran. */
  Execution first() {
    return first;
  }

  double medianMillis() {
    return times.isEmpty() ? Double.NaN : times.quantileMicros(0.5) / 1e3;
  }
}
