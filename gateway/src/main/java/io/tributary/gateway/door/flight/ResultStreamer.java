package io.tributary.gateway.door.flight;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.arrow.adapter.jdbc.ArrowVectorIterator;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a query's rows as Arrow record batches while the engine produces them. One batch of
 * vectors is filled, sent when the client can take it, and refilled, so memory is bounded by the
 * batch size; a client that cancels, or reads nothing for {@link #STALLED_CLIENT}, stops the query.
 */
final class ResultStreamer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResultStreamer.class);
  /** A client that takes no batch for this long is gone or stuck; its query stops. */
  static final Duration STALLED_CLIENT = Duration.ofMinutes(5);
  private static final Duration SHUTDOWN = Duration.ofSeconds(5);

  private final BufferAllocator allocator;
  private final int batchRows;
  private final FlightErrors errors;
  private final AtomicInteger streams = new AtomicInteger();
  // gRPC delivers a call's ready and cancel events on the thread that runs DoGet, one at a time:
  // a DoGet that waits for them there waits forever, so results stream on threads of their own.
  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "flight-result-" + streams.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  ResultStreamer(BufferAllocator allocator, int batchRows, FlightErrors errors) {
    this.allocator = allocator;
    this.batchRows = batchRows;
    this.errors = errors;
  }

  /**
   * Streams the result of {@code query}, claimed with {@code begin()}; at the end, gives the query
   * back and runs {@code afterwards}. The execution's warnings go to {@code warnings} before the
   * first batch.
   */
  void start(OpenQuery query, ServerStreamListener listener, Runnable afterwards, Consumer<List<String>> warnings) {
    Runnable finish = () -> {
      query.end();
      afterwards.run();
    };
    try {
      executor.execute(() -> {
        try {
          stream(query, listener, warnings);
        } finally {
          finish.run();
        }
      });
    } catch (RejectedExecutionException e) {
      finish.run();
      listener.error(shuttingDown());
    }
  }

  private void stream(OpenQuery query, ServerStreamListener listener, Consumer<List<String>> warnings) {
    StopQueryOnCancel backpressure = new StopQueryOnCancel(query);
    backpressure.register(listener);
    query.whenCancelled(backpressure::interruptWait);
    try (BufferAllocator memory = allocator.newChildAllocator("result", 0, Long.MAX_VALUE);
         ResultSet rows = query.execute()) {
      warnings.accept(query.warnings());
      query.read(() -> {
        try (ArrowVectorIterator batches =
            ArrowVectorIterator.create(rows, ArrowColumns.rowReader(memory, rows.getMetaData(), batchRows))) {
          send(batches, listener, backpressure, query);
        }
        return null;
      });
    } catch (Exception e) { // the engine's errors, with their SQLSTATE
      if (listener.isCancelled()) {
        LOG.debug("client cancelled `{}`", query.sql());
      } else if (query.wasCancelled()) {
        listener.error(cancelled());
      } else {
        listener.error(errors.toClient(e, query.sql()));
      }
    }
  }

  private void send(ArrowVectorIterator batches, ServerStreamListener listener, BackpressureStrategy backpressure,
      OpenQuery query) {
    boolean started = false;
    while (batches.hasNext()) {
      VectorSchemaRoot batch = batches.next();
      if (!started) {
        listener.start(batch);
        started = true;
      }
      if (batch.getRowCount() == 0) {
        continue; // the end of a result whose last batch came out full
      }
      switch (backpressure.waitForListener(STALLED_CLIENT.toMillis())) {
        case READY -> listener.putNext();
        case CANCELLED -> {
          return; // the cancel handler has stopped the query
        }
        case TIMEOUT -> {
          listener.error(CallStatus.TIMED_OUT.withDescription("the client read nothing for "
              + STALLED_CLIENT.toMinutes() + " minutes; the query was stopped").toRuntimeException());
          return;
        }
        default -> { // woken by a cancel request, or interrupted by the door closing
          listener.error(query.wasCancelled() ? cancelled() : shuttingDown());
          return;
        }
      }
    }
    listener.completed();
  }

  private static FlightRuntimeException cancelled() {
    return CallStatus.CANCELLED.withDescription("the query was cancelled").toRuntimeException();
  }

  private static FlightRuntimeException shuttingDown() {
    return CallStatus.UNAVAILABLE.withDescription("the gateway is shutting down").toRuntimeException();
  }

  /** Stops every running result: streams waiting for their clients are interrupted and end with an error. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("results still streaming {} s after the Flight SQL door closed", SHUTDOWN.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for the client to take a batch; stops the query as soon as the client cancels, and
   * stops waiting as soon as the query is cancelled by other means (CancelFlightInfo).
   */
  private static final class StopQueryOnCancel extends BackpressureStrategy.CallbackBackpressureStrategy {
    private final OpenQuery query;

    StopQueryOnCancel(OpenQuery query) {
      this.query = query;
    }

    @Override
    protected void cancelCallback() {
      query.cancel();
    }

    @Override
    protected boolean shouldContinueWaiting(ServerStreamListener listener, long remainingTimeout) {
      return !query.wasCancelled();
    }
  }
}
