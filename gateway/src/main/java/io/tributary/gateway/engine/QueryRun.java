package io.tributary.gateway.engine;

import io.tributary.adapter.spi.QueryScope;
import io.tributary.gateway.planner.Substitutes;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.rel.RelNode;
import org.slf4j.MDC;

/**
 * One query as the engine runs it, from planning to its last row: who asked, through which door,
 * what it is doing, how long it took, how many rows, which domains it read, and how it ended.
 * Everything working for the query enters its scope, so that the query can be stopped as a whole
 * (planning, the gateway's own work, every store statement) and every store connection it took
 * goes back when it ends, however it ends.
 */
final class QueryRun {
  private static final ThreadLocal<QueryRun> CURRENT = new ThreadLocal<>();
  /** After a cancel, when the store statements still running are told again (until the query has ended). */
  private static final List<Duration> CANCEL_AGAIN = List.of(Duration.ofMillis(200), Duration.ofSeconds(1),
      Duration.ofSeconds(3), Duration.ofSeconds(10));
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Where a query is in its life; the last three are final. */
  enum State { PLANNING, PREPARED, RUNNING, FINISHED, FAILED, CANCELLED }

  private final String id;
  private final Caller caller;
  private final String sessionId;
  private final String sql;
  private final QueryScope scope;
  /** Read by Calcite's planners: set, they stop at their next rule. */
  private final AtomicBoolean plannerCancel = new AtomicBoolean();
  /** Threads working for the query now: none means it waits for its client, and a cancel can end it at once. */
  private final AtomicInteger workers = new AtomicInteger();
  private final Consumer<QueryRun> onEnd;
  /** Where the cancels of the query's store statements are repeated; see {@link QueryScope#cancel()}. */
  private final ScheduledExecutorService clock;
  private final Instant started = Instant.now();
  private final long startedNanos = System.nanoTime();
  private final Set<String> domains = new TreeSet<>(); // guarded by this
  private State state; // guarded by this
  private long planningNanos; // guarded by this
  private long endedNanos; // guarded by this
  private long rows; // guarded by this
  private long lastReadNanos = startedNanos; // guarded by this
  private long allocatedBytes; // guarded by this
  /** The threads inside {@link #enter()} now, with what each had allocated when it entered. */
  private final Map<Long, Long> working = new ConcurrentHashMap<>();
  private String outcome = ""; // guarded by this
  private QueryAbortedException cancelled; // guarded by this
  private Throwable raised; // guarded by this
  private ScheduledFuture<?> deadline; // guarded by this
  private volatile PlanCache plans;
  private final QueryMemory memory;
  /** Where the gateway's own reads take each row, in the engine's representation; null for a client's query. */
  private volatile Consumer<Object> tap;
  /** The plans of the statement, as planned (trimmed), once it is. */
  private volatile List<RelNode> planned = List.of();
  /** The materializations planning may answer the query from. */
  private volatile Substitutes substitutes = Substitutes.NONE;

  QueryRun(String id, Caller caller, String sessionId, String sql, State state, Consumer<QueryRun> onEnd,
      ScheduledExecutorService clock, QueryMemory memory) {
    this.id = id;
    this.memory = memory;
    this.clock = clock;
    this.caller = caller;
    this.sessionId = sessionId;
    this.sql = sql;
    this.state = state;
    this.onEnd = onEnd;
    this.scope = new QueryScope(id);
  }

  /** The query this thread works for, if any. */
  static Optional<QueryRun> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  String id() {
    return id;
  }

  Caller caller() {
    return caller;
  }

  String sql() {
    return sql;
  }

  /** What the query holds in the gateway. */
  QueryMemory memory() {
    return memory;
  }

  /** The plans of the session the query runs in, which planning may reuse. */
  PlanCache plans() {
    return plans;
  }

  void planWith(PlanCache cache) {
    plans = cache;
  }

  /** What planning may substitute for parts of the query. */
  Substitutes substitutes() {
    return substitutes;
  }

  void substituteWith(Substitutes substitutes) {
    this.substitutes = substitutes;
  }

  /**
   * Hands every row to {@code tap} as it is produced, for the gateway's own reads; such a query is
   * bounded by what its reader keeps, not by {@code limits.maxResultRows}.
   */
  void tap(Consumer<Object> tap) {
    this.tap = tap;
  }

  Consumer<Object> tap() {
    return tap;
  }

  void planned(List<RelNode> plans) {
    planned = List.copyOf(plans);
  }

  List<RelNode> plan() {
    return planned;
  }

  AtomicBoolean plannerCancel() {
    return plannerCancel;
  }

  /**
   * Makes this the query the thread works for, for the engine, the adapters and the log, until
   * closed; counts what the thread allocates meanwhile. Doors enter around each call they make.
   */
  QueryScope.Entered enter() {
    QueryScope.Entered inner = enterQuietly();
    String previousMdc = MDC.get("query");
    MDC.put("query", id);
    long thread = Thread.currentThread().getId();
    long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
    Long nested = working.putIfAbsent(thread, allocatedBefore);
    return () -> {
      long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
      synchronized (this) {
        if (nested == null) {
          working.remove(thread);
          allocatedBytes += Math.max(0, allocated);
        }
      }
      if (previousMdc == null) {
        MDC.remove("query");
      } else {
        MDC.put("query", previousMdc);
      }
      inner.close();
    };
  }

  /** Whether this thread works for this query already. */
  boolean isCurrent() {
    return CURRENT.get() == this;
  }

  /** {@link #enter()} without the log and the allocation count: cheap enough for each row. */
  QueryScope.Entered enterQuietly() {
    QueryRun previous = CURRENT.get();
    CURRENT.set(this);
    workers.incrementAndGet();
    QueryScope.Entered stores = scope.enter();
    return () -> {
      stores.close();
      workers.decrementAndGet();
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The domains whose tables the plan reads. */
  synchronized void reads(Set<String> touched) {
    domains.addAll(touched);
  }

  synchronized void planned() {
    planningNanos = System.nanoTime() - startedNanos;
    if (state == State.PLANNING) {
      state = State.PREPARED;
    }
    stopDeadline();
  }

  /** Starts an execution, stopped by {@code deadline} unless it ends first. */
  synchronized void running(ScheduledFuture<?> deadline) {
    stopDeadline();
    this.deadline = deadline;
    throwIfCancelled();
    state = State.RUNNING;
  }

  private void stopDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  synchronized void planning(ScheduledFuture<?> deadline) {
    this.deadline = deadline;
  }

  /** Counts a row; fails the query past {@code maxRows}. */
  synchronized void row(long maxRows) {
    throwIfCancelled();
    if ((rows & 1023) == 0) {
      lastReadNanos = System.nanoTime();
    }
    if (++rows > maxRows && tap == null) {
      throw new QueryAbortedException("the query returns more than " + maxRows
          + " rows (limits.maxResultRows); add a filter or a LIMIT, or raise the limit", QueryException.TOO_MANY_ROWS);
    }
  }

  /** Stops the query: planning at its next rule, every store statement at once, the gateway's work at its next row. */
  void cancel(QueryAbortedException why) {
    synchronized (this) {
      if (isFinal() || cancelled != null) {
        return;
      }
      cancelled = why;
    }
    plannerCancel.set(true);
    scope.cancel();
    try {
      for (Duration again : CANCEL_AGAIN) {
        clock.schedule(scope::cancel, again.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (RejectedExecutionException closing) {
      // The gateway is closing: its store connections close with it.
    }
    if (workers.get() == 0) {
      // Nothing runs to notice: end it now, so its store connections go back at once.
      end(State.CANCELLED, why.sqlState() + " " + why.getMessage());
    }
  }

  /** Why the query was cancelled, or empty if it was not. */
  synchronized Optional<QueryAbortedException> cancellation() {
    return Optional.ofNullable(cancelled);
  }

  synchronized void throwIfCancelled() {
    if (cancelled != null) {
      throw cancelled.again();
    }
  }

  /** The last row was read, or the client closed the result; after {@link #raised} a failure. */
  void finished() {
    Throwable failure;
    synchronized (this) {
      failure = raised;
    }
    if (failure == null) {
      end(State.FINISHED, "");
    } else {
      end(cancellation().isPresent() ? State.CANCELLED : State.FAILED, failure.toString());
    }
  }

  /** Producing a row failed with {@code failure}: the query ends failed, however its rows are closed. */
  synchronized void raised(Throwable failure) {
    if (raised == null) {
      raised = failure;
    }
  }

  /** The query failed (or was cancelled) with {@code error}, as its client sees it. */
  void failed(QueryException error) {
    String how = error.getSQLState() + " " + error.getMessage();
    synchronized (this) {
      if (isFinal() && state != State.FINISHED) {
        outcome = how; // ended already by its rows closing: say it as the client heard it
        return;
      }
    }
    end(cancellation().isPresent() ? State.CANCELLED : State.FAILED, how);
  }

  /** A prepared query closed without running. */
  void closedUnrun() {
    end(State.FINISHED, "closed without running");
  }

  private void end(State last, String how) {
    ScheduledFuture<?> stop;
    synchronized (this) {
      if (isFinal()) {
        return;
      }
      state = last;
      outcome = how;
      endedNanos = System.nanoTime();
      stop = deadline;
    }
    if (stop != null) {
      stop.cancel(false);
    }
    scope.end();
    onEnd.accept(this);
  }

  synchronized boolean isFinal() {
    return state == State.FINISHED || state == State.FAILED || state == State.CANCELLED;
  }

  /** The client asked for rows (a door's read); a query waiting for its client is not idle before {@code limits.resultIdleTimeout}. */
  synchronized void reading() {
    lastReadNanos = System.nanoTime();
  }

  /** Whether the query runs and its client has asked for no rows for {@code idle}. */
  synchronized boolean unreadFor(Duration idle) {
    return state == State.RUNNING && System.nanoTime() - lastReadNanos > idle.toNanos();
  }

  synchronized boolean isActive() {
    return state == State.PLANNING || state == State.RUNNING;
  }

  /** What the query's threads allocated for it, the calls running now included: a sort that runs for long is seen growing. */
  synchronized long allocatedBytes() {
    long total = allocatedBytes;
    for (Map.Entry<Long, Long> thread : working.entrySet()) {
      total += Math.max(0, THREADS.getThreadAllocatedBytes(thread.getKey()) - thread.getValue());
    }
    return total;
  }

  synchronized State state() {
    return state;
  }

  synchronized Duration elapsed() {
    return Duration.ofNanos((isFinal() ? endedNanos : System.nanoTime()) - startedNanos);
  }

  /** How the query ended ({@code ""} while it runs or when it finished well). */
  synchronized String outcome() {
    return outcome;
  }

  synchronized Duration planning() {
    return Duration.ofNanos(planningNanos);
  }

  synchronized long rowsReturned() {
    return rows;
  }

  Map<String, Integer> statementsSent() {
    return scope.statementsSent();
  }

  /** A row of {@code tributary.queries}. */
  synchronized Object[] describe() {
    return new Object[] {id, caller.user(), caller.door().label(), caller.address(), sessionId, sql, state.name(),
        started.toEpochMilli(), elapsed().toMillis(), planning().toMillis(), rows, String.join(",", domains),
        outcome.isEmpty() ? null : outcome};
  }
}
