package io.tributary.adapter.jdbc.replication;

import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.DomainUnavailableException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follower reading its slot on its own daemon thread: decodes each transaction, tells the
 * listener, reports what the follower acknowledged back to the server (which may then recycle that
 * WAL), and reconnects with bounded backoff after the store goes away, resuming after the last
 * transaction delivered.
 */
final class PostgresSubscription implements ChangeSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresSubscription.class);
  private static final long MIN_BACKOFF_MILLIS = 250;
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  /** Polling a quiet stream backs off to this; the first poll after data comes at once. */
  private static final long MAX_IDLE_POLL_MILLIS = 20;
  /** A quiet stream asks the server for a keepalive this often, so followers learn the store was heard. */
  private static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Acknowledgements are passed on at most this often, and always when stopping. */
  private static final long ACK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final String UNDEFINED_OBJECT = "42704";

  private final ReplicationLogin login;
  private final StoreSideObjects objects;
  private final TransactionAssembler assembler;
  private final ChangeListener listener;
  private final Supplier<LogSequenceNumber> recreate;
  private final Consumer<PostgresSubscription> ended;
  private final Optional<String> lostAtStart;
  private final Thread thread;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicReference<ChangePosition> acknowledged = new AtomicReference<>();

  // Confined to the feed's thread.
  private LogSequenceNumber resumeAfter;
  private long heard;
  private long acknowledgedToServer;
  private long lastAcknowledgement;
  private long backoff = MIN_BACKOFF_MILLIS;

  /**
   * @param resumeAfter where the stream starts, at or after the slot's confirmed position
   * @param lostAtStart why changes before {@code resumeAfter} the follower asked for are gone, if they are
   * @param recreate makes the publication and slot again, should someone drop them, and tells where they start
   * @param ended called on the feed's thread when it stops
   */
  PostgresSubscription(ReplicationLogin login, StoreSideObjects objects, TransactionAssembler assembler,
      ChangeListener listener, LogSequenceNumber resumeAfter, Optional<String> lostAtStart,
      Supplier<LogSequenceNumber> recreate, Consumer<PostgresSubscription> ended) {
    this.ended = ended;
    this.login = login;
    this.objects = objects;
    this.assembler = assembler;
    this.listener = listener;
    this.recreate = recreate;
    this.lostAtStart = lostAtStart;
    this.resumeAfter = resumeAfter;
    this.heard = resumeAfter.asLong();
    this.acknowledgedToServer = resumeAfter.asLong();
    this.thread = new Thread(this::run, "tributary-changes-" + login.domain() + "-" + objects.name());
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void acknowledge(ChangePosition position) {
    acknowledged.accumulateAndGet(position, (was, now) -> was == null || now.order() > was.order() ? now : was);
  }

  @Override
  public void close() {
    stopping.countDown();
    if (Thread.currentThread() == thread) {
      return; // called by the listener: the loop ends when the call returns
    }
    try {
      thread.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("domain `{}`: follower {} did not stop within {} ms; its listener is still busy",
          login.domain(), objects.name(), CLOSE_WAIT_MILLIS);
    }
  }

  @Override
  public void drop() {
    close();
    try (Connection connection = login.sql()) {
      objects.drop(connection);
    } catch (SQLException e) {
      throw login.failed("closing the connection that dropped " + objects.name(), e);
    }
  }

  private boolean stopping() {
    return stopping.getCount() == 0;
  }

  private void run() {
    try {
      lostAtStart.ifPresent(why -> listener.lost(heardNow(resumeAfter), why));
      follow();
    } finally {
      ended.accept(this);
      LOG.debug("domain `{}`: follower {} stopped after {}", login.domain(), objects.name(), resumeAfter.asString());
    }
  }

  private void follow() {
    while (!stopping()) {
      try (Connection connection = login.replication()) {
        stream(connection.unwrap(PGConnection.class));
      } catch (SQLException e) {
        if (stopping()) {
          break;
        }
        assembler.reset();
        if (UNDEFINED_OBJECT.equals(e.getSQLState())) {
          resumeFromRecreatedSlot(e);
          continue;
        }
        LOG.warn("domain `{}`: follower {} lost its store, retrying in {} ms: {}", login.domain(),
            objects.name(), backoff, e.getMessage());
        listener.unreachable(new DomainUnavailableException(login.domain(), login.store(), e));
        pause();
      } catch (RuntimeException e) {
        // The listener failed to take a change, or the stream said something this feed cannot read:
        // start again after what was delivered, so nothing is skipped.
        if (stopping()) {
          break;
        }
        assembler.reset();
        LOG.error("domain `{}`: follower {} stopped at {}, resuming in {} ms", login.domain(), objects.name(),
            resumeAfter.asString(), backoff, e);
        pause();
      }
    }
  }

  private void stream(PGConnection connection) throws SQLException {
    ChainedLogicalStreamBuilder builder = connection.getReplicationAPI().replicationStream().logical()
        .withSlotName(objects.name())
        .withSlotOption("proto_version", 1)
        .withSlotOption("publication_names", objects.name())
        .withStatusInterval(10, TimeUnit.SECONDS)
        .withStartPosition(resumeAfter);
    try (PGReplicationStream stream = builder.start(); WalEnd walEnd = new WalEnd(login)) {
      backoff = MIN_BACKOFF_MILLIS;
      long lastHeartbeat = System.nanoTime();
      long idlePoll = 1;
      while (!stopping()) {
        passAcknowledgement(stream, false);
        ByteBuffer payload = stream.readPending();
        if (payload != null) {
          idlePoll = 1;
          assembler.accept(PgOutputDecoder.decode(payload)).ifPresent(this::deliver);
          continue;
        }
        if (!assembler.inTransaction()) {
          LogSequenceNumber received = stream.getLastReceiveLSN();
          reportHeard(received);
          walEnd.reached(received).ifPresent(listener::caughtUp);
          if (System.nanoTime() - lastHeartbeat > HEARTBEAT_NANOS) {
            stream.forceUpdateStatus(); // asks for a reply: the server answers with a keepalive
            walEnd.probe();
            lastHeartbeat = System.nanoTime();
          }
        }
        waitAtMost(idlePoll);
        idlePoll = Math.min(idlePoll * 2, MAX_IDLE_POLL_MILLIS);
      }
      passAcknowledgement(stream, true);
    }
  }

  private void deliver(TransactionAssembler.Outcome outcome) {
    ChangePosition position;
    if (outcome instanceof TransactionAssembler.Committed committed) {
      position = committed.batch().position();
      listener.committed(committed.batch());
    } else {
      TransactionAssembler.Lost lost = (TransactionAssembler.Lost) outcome;
      position = lost.position();
      listener.lost(position, lost.why());
    }
    resumeAfter = LogSequenceNumber.valueOf(position.order());
    heard = Math.max(heard, position.order());
  }

  /** A keepalive moved the server's position past everything delivered: nothing else was committed up to it. */
  private void reportHeard(LogSequenceNumber received) {
    if (received.asLong() > heard) {
      heard = received.asLong();
      listener.caughtUp(heardNow(received));
    }
  }

  private void passAcknowledgement(PGReplicationStream stream, boolean now) throws SQLException {
    ChangePosition position = acknowledged.get();
    // Never below where this stream started: the slot may be confirmed that far already.
    if (position == null || position.order() <= acknowledgedToServer
        || (!now && System.nanoTime() - lastAcknowledgement < ACK_NANOS)) {
      return;
    }
    LogSequenceNumber lsn = LogSequenceNumber.valueOf(position.order());
    stream.setFlushedLSN(lsn);
    stream.setAppliedLSN(lsn);
    stream.forceUpdateStatus();
    acknowledgedToServer = position.order();
    lastAcknowledgement = System.nanoTime();
  }

  private void resumeFromRecreatedSlot(SQLException missing) {
    LOG.warn("domain `{}`: follower {}: {}; making it again", login.domain(), objects.name(), missing.getMessage());
    try {
      resumeAfter = recreate.get();
    } catch (DomainUnavailableException e) {
      listener.unreachable(e);
      pause();
      return;
    } catch (RuntimeException e) {
      LOG.error("domain `{}`: follower {} cannot make its slot again, retrying in {} ms: {}", login.domain(),
          objects.name(), backoff, e.getMessage());
      pause();
      return;
    }
    heard = resumeAfter.asLong();
    acknowledgedToServer = resumeAfter.asLong();
    listener.lost(heardNow(resumeAfter), "the store no longer had replication slot or publication `"
        + objects.name() + "` (" + missing.getMessage() + "); they were made again, from now");
  }

  private void pause() {
    waitAtMost(backoff);
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
  }

  private void waitAtMost(long millis) {
    try {
      stopping.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      stopping.countDown();
      Thread.currentThread().interrupt();
    }
  }

  private static ChangePosition heardNow(LogSequenceNumber lsn) {
    Instant now = Instant.now();
    return new ChangePosition(lsn.asString(), lsn.asLong(), now, now);
  }
}
