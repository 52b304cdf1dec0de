package io.tributary.adapter.jdbc.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.postgresql.replication.LogSequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publication and the logical replication slot a follower needs in its domain's store, both
 * named {@code tributary_<follower>} so they are recognisably the gateway's: made when missing, the
 * publication's tables set to the followed ones, both removed when the follower is dropped.
 */
final class StoreSideObjects {
  private static final Logger LOG = LoggerFactory.getLogger(StoreSideObjects.class);
  private static final String PLUGIN = "pgoutput";
  /** How long a slot may still be held by the session of a follower that just stopped. */
  private static final long RELEASE_WAIT_MILLIS = 5_000;
  private static final String OBJECT_IN_USE = "55006";

  /** The slot as found or made; {@code created} when it did not exist, so it holds nothing from before. */
  record Slot(LogSequenceNumber confirmedFlush, boolean created) {}

  private final ReplicationLogin login;
  private final String name;

  StoreSideObjects(ReplicationLogin login, String name) {
    this.login = login;
    this.name = name;
  }

  String name() {
    return name;
  }

  void ensurePublication(Connection connection, String schema, List<String> tables) {
    Set<String> wanted = tables.stream().map(t -> schema + "." + t).collect(Collectors.toCollection(TreeSet::new));
    String list = tables.stream().map(t -> quote(schema) + "." + quote(t)).collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      if (!exists(connection, "SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = ?")) {
        statement.execute("CREATE PUBLICATION " + quote(name) + " FOR TABLE " + list);
        LOG.info("domain `{}`: created publication {} for {}", login.domain(), name, wanted);
        return;
      }
      Set<String> published = new TreeSet<>();
      try (PreparedStatement tablesOf = connection.prepareStatement(
          "SELECT schemaname, tablename FROM pg_catalog.pg_publication_tables WHERE pubname = ?")) {
        tablesOf.setString(1, name);
        try (ResultSet answer = tablesOf.executeQuery()) {
          while (answer.next()) {
            published.add(answer.getString(1) + "." + answer.getString(2));
          }
        }
      }
      if (!published.equals(wanted)) {
        statement.execute("ALTER PUBLICATION " + quote(name) + " SET TABLE " + list);
        LOG.info("domain `{}`: publication {} now has {} (had {})", login.domain(), name, wanted, published);
      }
    } catch (SQLException e) {
      throw login.failed("publishing " + wanted + " as " + name, e);
    }
  }

  Slot ensureSlot(Connection connection) {
    try {
      for (long deadline = System.currentTimeMillis() + RELEASE_WAIT_MILLIS; ; ) {
        try (PreparedStatement find = connection.prepareStatement("SELECT s.database, s.plugin,"
            + " s.confirmed_flush_lsn, s.active_pid, current_database() FROM pg_catalog.pg_replication_slots s"
            + " WHERE s.slot_name = ?")) {
          find.setString(1, name);
          try (ResultSet slot = find.executeQuery()) {
            if (!slot.next()) {
              return create(connection);
            }
            if (!slot.getString(5).equals(slot.getString(1)) || !PLUGIN.equals(slot.getString(2))) {
              throw login.refused("42710", "the server already has a replication slot `" + name + "` of database `"
                  + slot.getString(1) + "` (plugin " + slot.getString(2) + "); follow under another name");
            }
            if (slot.getObject(4) == null) {
              return new Slot(LogSequenceNumber.valueOf(slot.getString(3)), false);
            }
            if (System.currentTimeMillis() > deadline) {
              throw login.refused(OBJECT_IN_USE, "replication slot `" + name + "` is in use by server process "
                  + slot.getInt(4) + ": something else follows under this name; give each follower its own");
            }
          }
        }
        Thread.sleep(100);
      }
    } catch (SQLException e) {
      throw login.failed("finding replication slot " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw login.refused(OBJECT_IN_USE, "interrupted while waiting for replication slot `" + name + "` to be released");
    }
  }

  private Slot create(Connection connection) throws SQLException {
    // Waits for the transactions running now to end, so the slot starts at a consistent point.
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT lsn FROM pg_catalog.pg_create_logical_replication_slot(?, ?)")) {
      statement.setString(1, name);
      statement.setString(2, PLUGIN);
      try (ResultSet made = statement.executeQuery()) {
        made.next();
        LOG.info("domain `{}`: created replication slot {} at {}", login.domain(), name, made.getString(1));
        return new Slot(LogSequenceNumber.valueOf(made.getString(1)), true);
      }
    }
  }

  /** Where the server's WAL ends now: what a follower starting from now resumes after. */
  LogSequenceNumber currentWal(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet answer = statement.executeQuery("SELECT pg_catalog.pg_current_wal_lsn()")) {
      answer.next();
      return LogSequenceNumber.valueOf(answer.getString(1));
    } catch (SQLException e) {
      throw login.failed("reading the server's WAL position", e);
    }
  }

  /** Removes the slot (once the stopped follower's session lets go of it) and the publication. */
  void drop(Connection connection) {
    try {
      for (long deadline = System.currentTimeMillis() + RELEASE_WAIT_MILLIS; ; Thread.sleep(100)) {
        try (PreparedStatement drop = connection.prepareStatement("SELECT pg_catalog.pg_drop_replication_slot(slot_name)"
            + " FROM pg_catalog.pg_replication_slots WHERE slot_name = ?")) {
          drop.setString(1, name);
          drop.executeQuery().close();
          break;
        } catch (SQLException e) {
          if (!OBJECT_IN_USE.equals(e.getSQLState()) || System.currentTimeMillis() > deadline) {
            throw e;
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("DROP PUBLICATION IF EXISTS " + quote(name));
      }
      LOG.info("domain `{}`: dropped replication slot and publication {}", login.domain(), name);
    } catch (SQLException e) {
      throw login.failed("dropping replication slot and publication " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw login.refused(OBJECT_IN_USE, "interrupted while dropping replication slot `" + name + "`");
    }
  }

  private boolean exists(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      try (ResultSet answer = statement.executeQuery()) {
        return answer.next();
      }
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
