package io.tributary.adapter.jdbc.replication;

import io.tributary.adapter.spi.ChangePosition;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.postgresql.replication.LogSequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the server's log, asked on an ordinary connection, so that a stream with nothing to
 * deliver can still say the store was heard: once the stream has received up to where the log
 * ended at time T, every change committed before T was delivered. Keepalives alone cannot say it
 * when the log does not move (PgJDBC does not tell that one arrived), and a follower would then
 * see its source grow stale on an idle server.
 */
final class WalEnd implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalEnd.class);

  private final ReplicationLogin login;
  private Connection connection; // the feed's thread only
  private LogSequenceNumber target;
  private Instant askedAt;

  WalEnd(ReplicationLogin login) {
    this.login = login;
  }

  /** Asks where the log ends now; a failure only postpones the next report (the stream reports outages). */
  void probe() {
    if (target != null) {
      return; // the previous answer is not reached yet
    }
    try {
      if (connection == null || connection.isClosed()) {
        connection = login.sql();
      }
      Instant now = Instant.now();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
        rows.next();
        target = LogSequenceNumber.valueOf(rows.getString(1));
        askedAt = now;
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("domain `{}`: asking where the log ends failed: {}", login.domain(), e.toString());
      close();
    }
  }

  /** The position heard as of the last probe, once the stream has received that far; asks again after. */
  Optional<ChangePosition> reached(LogSequenceNumber received) {
    if (target == null || received.asLong() < target.asLong()) {
      return Optional.empty();
    }
    ChangePosition heard = new ChangePosition(target.asString(), target.asLong(), askedAt, askedAt);
    target = null;
    return Optional.of(heard);
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("closing the log-end probe of `{}` failed: {}", login.domain(), e.toString());
      }
      connection = null;
    }
  }
}
