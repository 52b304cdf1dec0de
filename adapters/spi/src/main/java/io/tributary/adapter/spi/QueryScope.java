package io.tributary.adapter.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query a thread is working for, so that what an adapter starts in a store for it ends with
 * it: a store statement is cancelled when the query is (time-out, client cancel, kill), and every
 * connection it borrowed is given back when the query ends, however it ends. The engine enters a
 * query's scope around each step of its work; an adapter registers what it opens.
 *
 * <pre>{@code
 * QueryScope.current().ifPresent(scope -> {
 *   scope.onCancel(statement::cancel);
 *   scope.onEnd(connection);
 * });
 * }</pre>
 */
public final class QueryScope {
  private static final Logger LOG = LoggerFactory.getLogger(QueryScope.class);
  private static final ThreadLocal<QueryScope> CURRENT = new ThreadLocal<>();

  private final String queryId;
  private final List<Cancellable> cancels = new ArrayList<>(); // guarded by this
  private final List<AutoCloseable> ends = new ArrayList<>(); // guarded by this
  private final Map<String, Integer> statements = new TreeMap<>(); // guarded by this
  private boolean cancelled; // guarded by this
  private boolean ended; // guarded by this

  /** Something in a store that can be told to stop, such as a running statement. */
  @FunctionalInterface
  public interface Cancellable {
    void cancel() throws Exception;
  }

  /** Makes a scope current on this thread until closed; restores the scope that was current before. */
  public interface Entered extends AutoCloseable {
    @Override
    void close();
  }

  /** @param queryId the query's id, as users see it in {@code tributary.queries} */
  public QueryScope(String queryId) {
    this.queryId = queryId;
  }

  /** The scope of the query this thread works for, if any. */
  public static Optional<QueryScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public String queryId() {
    return queryId;
  }

  /** Runs {@code cancel} when the query is cancelled; at once if it already is. */
  public void onCancel(Cancellable cancel) {
    boolean now;
    synchronized (this) {
      now = cancelled;
      if (!now && !ended) {
        cancels.add(cancel);
      }
    }
    if (now) {
      quietly(cancel);
    }
  }

  /** Closes {@code resource} when the query ends, unless it was closed before (closing twice must be harmless). */
  public void onEnd(AutoCloseable resource) {
    boolean now;
    synchronized (this) {
      now = ended;
      if (!now) {
        ends.add(resource);
      }
    }
    if (now) {
      quietly(resource::close);
    }
  }

  /** Counts a statement an adapter sent to {@code domain}'s store for the query: a round trip. */
  public synchronized void sentStatement(String domain) {
    statements.merge(domain, 1, Integer::sum);
  }

  /** The statements sent to the stores for the query so far, by domain. */
  public synchronized Map<String, Integer> statementsSent() {
    return Map.copyOf(statements);
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Enters the scope on this thread (the engine's side). */
  public Entered enter() {
    QueryScope previous = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /**
   * Cancels what the adapters registered (the engine's side); later registrations are cancelled at
   * once. Calling it again cancels everything registered again: a driver ignores a cancel that
   * arrives between a statement's creation and its execution (PgJDBC does), so the engine repeats
   * it until the query has ended.
   */
  public void cancel() {
    List<Cancellable> toCancel;
    synchronized (this) {
      if (ended) {
        return;
      }
      cancelled = true;
      toCancel = List.copyOf(cancels);
    }
    toCancel.forEach(QueryScope::quietly);
  }

  /** Closes what the adapters registered (the engine's side), once the query has ended. */
  public void end() {
    List<AutoCloseable> toClose;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      toClose = List.copyOf(ends);
      ends.clear();
      cancels.clear();
    }
    toClose.forEach(resource -> quietly(resource::close));
  }

  /** A store that refuses to stop or close must not stop the others from doing so. */
  private static void quietly(Cancellable action) {
    try {
      action.cancel();
    } catch (Exception e) {
      LOG.debug("ending store work failed: {}", e.toString());
    }
  }
}
