package io.tributary.adapter.jdbc.replication;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.DomainUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Keeps what a feed tells, in order, with when it arrived, for a test to wait for. */
final class RecordingListener implements ChangeListener {
  static final Duration WAIT = Duration.ofSeconds(20);

  /** One call of the feed; {@code arrivedNanos} by {@link System#nanoTime()}. */
  record Event(String kind, ChangeBatch batch, ChangePosition position, String why, long arrivedNanos) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  final List<String> threads = new ArrayList<>();

  @Override
  public void committed(ChangeBatch batch) {
    add(new Event("committed", batch, batch.position(), null, System.nanoTime()));
  }

  @Override
  public void caughtUp(ChangePosition position) {
    add(new Event("caughtUp", null, position, null, System.nanoTime()));
  }

  @Override
  public void unreachable(DomainUnavailableException cause) {
    add(new Event("unreachable", null, null, cause.getMessage(), System.nanoTime()));
  }

  @Override
  public void lost(ChangePosition position, String why) {
    add(new Event("lost", null, position, why, System.nanoTime()));
  }

  private synchronized void add(Event event) {
    threads.add(Thread.currentThread().getName());
    events.add(event);
  }

  /** The next event {@code wanted} accepts, skipping others; fails after {@link #WAIT}. */
  Event next(Predicate<Event> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertNotNull(event, "no " + what + " within " + WAIT);
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /** The next batch, skipping caught-up reports (and failing on anything else). */
  ChangeBatch nextBatch() throws InterruptedException {
    Event event = next(e -> !e.kind().equals("caughtUp"), "committed batch");
    if (!event.kind().equals("committed")) {
      throw new AssertionError("expected a committed batch, got " + event);
    }
    return event.batch();
  }

  /** Batches and losses that arrived within {@code quiet}, caught-up reports skipped. */
  List<Event> drain(Duration quiet) throws InterruptedException {
    List<Event> drained = new ArrayList<>();
    for (Event e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); e != null;
        e = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
      if (!e.kind().equals("caughtUp")) {
        drained.add(e);
      }
    }
    return drained;
  }
}
