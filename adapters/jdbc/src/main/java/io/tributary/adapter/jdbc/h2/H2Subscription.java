package io.tributary.adapter.jdbc.h2;

import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follower of an H2 database: its triggers (named uniquely, so several followers and several
 * databases in one JVM never mix), a queue the writers' threads fill, and a thread that delivers
 * from it, so a follower never runs inside a writer's transaction. A quiet queue is reported as
 * the store heard every {@link #HEARD_EVERY_MILLIS}.
 */
final class H2Subscription implements ChangeSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(H2Subscription.class);
  private static final long HEARD_EVERY_MILLIS = 200;
  /** The subscription each trigger delivers to, by trigger name. */
  private static final Map<String, H2Subscription> BY_TRIGGER = new ConcurrentHashMap<>();

  private final String follower;
  private final List<String> tables;
  private final ChangeListener listener;
  private final H2ChangeFeed feed;
  private final String token = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
  private final List<String> triggers = new ArrayList<>();
  private final BlockingQueue<RowChange> queue = new LinkedBlockingQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread thread;
  private final Optional<String> resumeAfter;
  private volatile boolean running = true;

  H2Subscription(String follower, List<String> tables, ChangeListener listener, H2ChangeFeed feed,
      Optional<String> resumeAfter) {
    this.follower = follower;
    this.tables = List.copyOf(tables);
    this.listener = listener;
    this.feed = feed;
    this.resumeAfter = resumeAfter;
    this.thread = new Thread(this::run, "tributary-changes-h2-" + follower);
    thread.setDaemon(true);
  }

  /** Creates a row trigger on each followed table, found by name as the adapter finds it (case aside). */
  void install(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String table : tables) {
        String trigger = "TRIBUTARY_" + token + "_" + triggers.size();
        BY_TRIGGER.put(trigger, this);
        triggers.add(trigger);
        statement.execute("CREATE TRIGGER " + quote(schema) + "." + quote(trigger) + " AFTER INSERT, UPDATE, DELETE ON "
            + quote(schema) + "." + quote(stored(connection, schema, table)) + " FOR EACH ROW CALL '"
            + H2ChangeTrigger.class.getName() + "'");
      }
    }
  }

  private static String stored(Connection connection, String schema, String table) throws SQLException {
    try (PreparedStatement find = connection.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
        + " WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) = UPPER(?) ORDER BY TABLE_NAME = ? DESC")) {
      find.setString(1, schema);
      find.setString(2, table);
      find.setString(3, table);
      try (ResultSet rows = find.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("no table " + table + " in schema " + schema, "42S02");
        }
        return rows.getString(1);
      }
    }
  }

  void start() {
    // Nothing is kept across a restart: the triggers die with the JVM.
    resumeAfter.ifPresent(at -> listener.lost(now(), "an in-memory H2 database keeps no change log to resume after "
        + at + " from"));
    thread.start();
  }

  /** Called by the trigger on the writer's thread. */
  static void deliver(String trigger, String table, Object[] oldRow, Object[] newRow) {
    H2Subscription subscription = BY_TRIGGER.get(trigger);
    if (subscription != null) {
      RowChange.Kind kind = oldRow == null ? RowChange.Kind.INSERT : newRow == null ? RowChange.Kind.DELETE
          : RowChange.Kind.UPDATE;
      subscription.queue.add(new RowChange(subscription.storeName(table), kind, copy(oldRow), copy(newRow), false));
    }
  }

  private String storeName(String table) {
    return tables.stream().filter(t -> t.equalsIgnoreCase(table)).findFirst().orElse(table);
  }

  private void run() {
    long lastHeard = 0;
    while (running) {
      try {
        RowChange first = queue.poll(HEARD_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        if (first != null) {
          List<RowChange> changes = new ArrayList<>(List.of(first));
          queue.drainTo(changes);
          listener.committed(new ChangeBatch(position(), changes));
        } else if (System.currentTimeMillis() - lastHeard >= HEARD_EVERY_MILLIS) {
          listener.caughtUp(position());
          lastHeard = System.currentTimeMillis();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("follower {} of an H2 database failed on a change: {}", follower, e.toString());
      }
    }
  }

  private ChangePosition position() {
    long at = sequence.incrementAndGet();
    Instant now = Instant.now();
    return new ChangePosition(Long.toString(at), at, now, now);
  }

  private static ChangePosition now() {
    Instant now = Instant.now();
    return new ChangePosition("0", 0, now, now);
  }

  private static Object[] copy(Object[] row) {
    return row == null ? null : row.clone();
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void acknowledge(ChangePosition position) {
    // nothing to release: the feed keeps no log
  }

  @Override
  public void close() {
    drop();
  }

  @Override
  public void drop() {
    stop();
    try (Connection connection = feed.connect(); Statement statement = connection.createStatement()) {
      for (String trigger : triggers) {
        statement.execute("DROP TRIGGER IF EXISTS " + quote(feed.schema()) + "." + quote(trigger));
      }
    } catch (SQLException e) {
      LOG.debug("dropping the triggers of follower {} failed (the database may be gone): {}", follower, e.toString());
    }
    feed.ended(this);
  }

  void stop() {
    running = false;
    thread.interrupt();
    triggers.forEach(BY_TRIGGER::remove);
  }
}
