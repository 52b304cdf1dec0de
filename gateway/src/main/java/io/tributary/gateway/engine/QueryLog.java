package io.tributary.gateway.engine;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.adapter.spi.StatusTable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every query of the gateway, while it runs and for a while after: {@code tributary.queries}, the
 * place to stop one by id, and the clock that stops those that run past their time.
 */
final class QueryLog implements AutoCloseable {
  static final String TABLE = "queries";
  /** How many ended queries stay listed. */
  static final int KEPT = 1_000;
  /** How much of a failed statement's text its log line shows. */
  private static final int SQL_LOGGED = 300;
  private static final Logger LOG = LoggerFactory.getLogger(QueryLog.class);
  private static final List<StatusTable.Column> COLUMNS = List.of(new StatusTable.Column("query_id", VARCHAR),
      new StatusTable.Column("user_name", VARCHAR), new StatusTable.Column("door", VARCHAR),
      new StatusTable.Column("client_address", VARCHAR), new StatusTable.Column("session_id", VARCHAR),
      new StatusTable.Column("query", VARCHAR), new StatusTable.Column("state", VARCHAR),
      new StatusTable.Column("started", TIMESTAMP), new StatusTable.Column("elapsed_ms", BIGINT),
      new StatusTable.Column("planning_ms", BIGINT), new StatusTable.Column("rows_returned", BIGINT),
      new StatusTable.Column("domains", VARCHAR), new StatusTable.Column("outcome", VARCHAR));

  private final String prefix = Long.toString(System.currentTimeMillis() / 1000, 36);
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, QueryRun> active = new ConcurrentHashMap<>();
  private final Deque<QueryRun> ended = new ArrayDeque<>(); // guarded by itself
  private final Consumer<QueryRun> onEnded;
  private final long maxQueryMemory;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "query-clock");
    thread.setDaemon(true);
    return thread;
  });

  /**
   * @param onEnded told of each query as it ends
   * @param maxQueryMemory the bytes each query may hold in the gateway, {@code limits.maxQueryMemory}
   */
  QueryLog(Consumer<QueryRun> onEnded, long maxQueryMemory) {
    this.onEnded = onEnded;
    this.maxQueryMemory = maxQueryMemory;
  }

  /** A new query, listed until it ends and among the recent ones after. */
  QueryRun start(Caller caller, String sessionId, String sql, QueryRun.State state) {
    String id = "q" + prefix + "-" + sequence.incrementAndGet();
    QueryRun run = new QueryRun(id, caller, sessionId, sql, state, this::ended, clock,
        new QueryMemory(maxQueryMemory));
    active.put(id, run);
    return run;
  }

  /** Stops {@code run} with {@code why} once {@code after} has passed, unless it ends first. */
  ScheduledFuture<?> stopAfter(QueryRun run, Duration after, QueryAbortedException why) {
    return clock.schedule(() -> {
      LOG.info("query {} stopped: {}", run.id(), why.getMessage());
      run.cancel(why);
    }, after.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} every {@code period} on the log's clock, until the log closes. */
  void every(Duration period, Runnable task) {
    clock.scheduleWithFixedDelay(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("a periodic check of the running queries failed", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The query, running or recently ended. */
  Optional<QueryRun> find(String id) {
    QueryRun run = active.get(id);
    if (run != null) {
      return Optional.of(run);
    }
    synchronized (ended) {
      return ended.stream().filter(r -> r.id().equals(id)).findFirst();
    }
  }

  /** The running query (planning or executing) that has allocated the most. */
  Optional<QueryRun> heaviest() {
    return active.values().stream().filter(QueryRun::isActive).max(Comparator.comparingLong(QueryRun::allocatedBytes));
  }

  /** Stops the queries whose clients have read nothing for {@code idle}: they hold store connections. */
  void stopUnread(Duration idle) {
    for (QueryRun run : active.values()) {
      if (run.unreadFor(idle)) {
        LOG.info("query {} stopped: its client read no rows for {}", run.id(), DurationWords.of(idle));
        run.cancel(new QueryAbortedException("the client read no rows for " + DurationWords.of(idle)
            + " (limits.resultIdleTimeout); the query was stopped to free its store connections", QueryException.CANCELLED));
      }
    }
  }

  /** Stops every query still running, for a gateway that closes. */
  void stopAll(QueryAbortedException why) {
    active.values().forEach(run -> run.cancel(why));
  }

  /** How many queries plan or run now. */
  long running() {
    return active.values().stream().filter(QueryRun::isActive).count();
  }

  /** The queries running and recently ended, each as its row of {@code tributary.queries} by column name. */
  List<Map<String, Object>> list() {
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Object[] row : table().rows().get()) {
      Map<String, Object> query = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        query.put(COLUMNS.get(i).name(), row[i]);
      }
      listed.add(query);
    }
    return listed;
  }

  StatusTable table() {
    return new StatusTable(TABLE, COLUMNS, () -> {
      List<Object[]> rows = new ArrayList<>();
      active.values().forEach(run -> rows.add(run.describe()));
      synchronized (ended) {
        ended.forEach(run -> rows.add(run.describe()));
      }
      return rows;
    });
  }

  private void ended(QueryRun run) {
    active.remove(run.id());
    synchronized (ended) {
      if (ended.size() == KEPT) {
        ended.removeFirst();
      }
      ended.addLast(run);
    }
    onEnded.accept(run);
    if (run.state() != QueryRun.State.FINISHED) {
      try (var logged = MDC.putCloseable("query", run.id())) {
        LOG.info("query {} after {} ms ({} over {}): {}; the statement: {}", run.state().name().toLowerCase(Locale.ROOT),
            run.elapsed().toMillis(), run.caller().user(), run.caller().door().label(), run.outcome(),
            Engine.abbreviated(run.sql() == null ? "" : run.sql().replaceAll("\\s+", " "), SQL_LOGGED));
      }
    }
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
