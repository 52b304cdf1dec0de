package io.tributary.adapter.jdbc.replication;

import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangeSubscription;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.postgresql.replication.LogSequenceNumber;

/**
 * A PostgreSQL domain's committed changes, read by logical replication ({@code pgoutput}) with the
 * domain's own login and nothing else to run. Each follower gets a publication of its tables and a
 * replication slot, both named {@code tributary_<follower>}; the slot keeps the WAL the follower has
 * not acknowledged, so it resumes where it stopped after the gateway or the store restarts.
 *
 * <p>Positions are LSNs ({@code 0/16B3748}): a transaction's is the end of its commit record, so
 * resuming after it skips exactly that transaction; a {@code caughtUp} position is the server's WAL
 * position a keepalive reported.
 */
public final class PostgresChangeFeed implements ChangeFeed, AutoCloseable {
  /** Slot names are at most 63 characters; {@code tributary_} takes ten. */
  private static final Pattern FOLLOWER = Pattern.compile("[a-z0-9_]{1,53}");
  private static final String PREFIX = "tributary_";

  private final ReplicationLogin login;
  private final String schema;
  private final Set<PostgresSubscription> subscriptions = ConcurrentHashMap.newKeySet();

  /**
   * @param store the URL as messages show it, without secrets
   * @param url the domain's JDBC URL
   * @param login the driver properties the domain's connections use (user, password, time-outs)
   * @param schema the schema holding the domain's tables
   */
  public PostgresChangeFeed(String domain, String store, String url, Properties login, String schema) {
    this.login = new ReplicationLogin(domain, store, url, login);
    this.schema = schema;
  }

  @Override
  public ChangeSubscription follow(String follower, List<String> storeTables, Optional<String> resumeAfter,
      ChangeListener listener) {
    if (!FOLLOWER.matcher(follower).matches()) {
      throw new IllegalArgumentException("follower `" + follower + "`: expected 1 to 53 lower-case letters, digits or _");
    }
    if (storeTables.isEmpty()) {
      throw new IllegalArgumentException("follower `" + follower + "` names no table to follow");
    }
    Optional<LogSequenceNumber> after = resumeAfter.map(PostgresChangeFeed::lsn);
    StoreSideObjects objects = new StoreSideObjects(login, PREFIX + follower);
    Map<String, String> followed;
    StartingPoint start;
    try (Connection connection = login.sql()) {
      FollowChecks.canReplicate(login, connection);
      followed = FollowChecks.tables(login, connection, schema, storeTables);
      objects.ensurePublication(connection, schema, storeTables);
      start = StartingPoint.of(objects.ensureSlot(connection), objects.currentWal(connection), after, objects.name());
    } catch (SQLException e) {
      throw login.failed("closing the setup connection", e);
    }
    PostgresSubscription subscription = new PostgresSubscription(login, objects, new TransactionAssembler(followed),
        listener, start.from(), start.lost(), () -> recreate(objects, storeTables), subscriptions::remove);
    subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  /** Stops every subscription; their slots stay for them to resume. */
  @Override
  public void close() {
    subscriptions.forEach(PostgresSubscription::close);
  }

  private LogSequenceNumber recreate(StoreSideObjects objects, List<String> storeTables) {
    try (Connection connection = login.sql()) {
      objects.ensurePublication(connection, schema, storeTables);
      objects.ensureSlot(connection);
      return objects.currentWal(connection);
    } catch (SQLException e) {
      throw login.failed("closing the setup connection", e);
    }
  }

  private static LogSequenceNumber lsn(String position) {
    LogSequenceNumber lsn = LogSequenceNumber.valueOf(position);
    if (lsn.equals(LogSequenceNumber.INVALID_LSN)) {
      throw new IllegalArgumentException("`" + position + "` is no PostgreSQL position (an LSN such as 0/16B3748)");
    }
    return lsn;
  }
}
