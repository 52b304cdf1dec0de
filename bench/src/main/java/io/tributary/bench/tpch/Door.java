package io.tributary.bench.tpch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One way into the data (PostgreSQL directly, or the gateway's JDBC driver) that runs a query under
 * a time limit. The limit is set with {@code setQueryTimeout}; since a server may not honour it, a
 * watchdog also gives up on the execution a little after the limit, abandons the connection (its
 * cancel and close run on a thread of their own, as they may hang too) and tells the source.
 */
final class Door implements AutoCloseable {
  private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(5);
  private static final String QUERY_CANCELED = "57014";
  private static final int MAX_MESSAGE = 400;

  private final ConnectionSource source;
  private final Duration timeout;
  private final ExecutorService runner = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tpch-query");
    thread.setDaemon(true);
    return thread;
  });
  private Connection connection;

  Door(ConnectionSource source, Duration timeout) {
    this.source = source;
    this.timeout = timeout;
  }

  Execution execute(String sql) {
    Statement statement;
    try {
      if (connection == null) {
        connection = source.open();
      }
      statement = connection.createStatement();
      statement.setQueryTimeout((int) timeout.toSeconds());
    } catch (SQLException e) {
      connection = null;
      return Execution.failed("cannot open a statement: " + message(e));
    }
    long start = System.nanoTime();
    Future<ResultTable> answer = runner.submit(() -> {
      try (statement) {
        return ResultTable.read(statement.executeQuery(sql));
      }
    });
    try {
      ResultTable result = answer.get(timeout.plus(WATCHDOG_GRACE).toMillis(), TimeUnit.MILLISECONDS);
      return Execution.answered(result, System.nanoTime() - start);
    } catch (TimeoutException e) {
      abandon(statement);
      return Execution.timedOut("no answer within " + timeout.toSeconds() + " s; the connection was abandoned");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLTimeoutException || cause instanceof SQLException sqlError
          && QUERY_CANCELED.equals(sqlError.getSQLState())) {
        return Execution.timedOut("cancelled by the server after " + timeout.toSeconds() + " s: " + message(cause));
      }
      return Execution.failed(message(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a query", e);
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing at the end of the run; nothing depends on it
      }
    }
  }

  private void abandon(Statement statement) {
    Connection abandoned = connection;
    connection = null;
    Thread reaper = new Thread(() -> {
      try (abandoned) {
        statement.cancel();
      } catch (SQLException ignored) {
        // the source is told below; a connection that cannot even cancel is past helping
      }
    }, "tpch-abandon");
    reaper.setDaemon(true);
    reaper.start();
    source.abandoned();
  }

  /** The first line of the outermost message that has one: drivers repeat their causes' messages. */
  private static String message(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (e.getMessage() != null && !e.getMessage().isBlank()) {
        String line = e.getMessage().strip().split("\n", 2)[0];
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
      }
    }
    return error.getClass().getName();
  }

  /** Where a door gets its connections. */
  @FunctionalInterface
  interface ConnectionSource {
    Connection open() throws SQLException;

    /** Called after the watchdog gave up on a query of a connection from here. */
    default void abandoned() {}
  }
}
