package io.tributary.adapter.jdbc.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold before a domain's tables can be followed, each refusal saying what to grant or
 * configure: the server decodes logical replication, the login may replicate, and each table
 * exists and names its rows (a publication on a table without one makes its UPDATEs and DELETEs fail).
 */
final class FollowChecks {
  private static final String ROLE_AND_SERVER = "SELECT current_user, r.rolreplication OR r.rolsuper,"
      + " current_setting('wal_level') FROM pg_catalog.pg_roles r WHERE r.rolname = current_user";
  private static final String TABLE = "SELECT c.relreplident, EXISTS (SELECT 1 FROM pg_catalog.pg_index i"
      + " WHERE i.indrelid = c.oid AND i.indisprimary) FROM pg_catalog.pg_class c"
      + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')";

  private FollowChecks() {}

  static void canReplicate(ReplicationLogin login, Connection connection) {
    try (PreparedStatement statement = connection.prepareStatement(ROLE_AND_SERVER);
        ResultSet answer = statement.executeQuery()) {
      answer.next();
      String role = answer.getString(1);
      String walLevel = answer.getString(3);
      if (!"logical".equals(walLevel)) {
        throw login.refused(ReplicationLogin.NOT_PREREQUISITE, "the server at " + login.store()
            + " has wal_level=" + walLevel + ", and following changes needs wal_level=logical;"
            + " have its administrator run ALTER SYSTEM SET wal_level = logical and restart it");
      }
      if (!answer.getBoolean(2)) {
        throw login.refused(ReplicationLogin.INSUFFICIENT_PRIVILEGE, "role `" + role
            + "` may not replicate; grant it with ALTER ROLE " + role + " REPLICATION");
      }
    } catch (SQLException e) {
      throw login.failed("checking the login's right to replicate", e);
    }
  }

  /**
   * @return the store's name of each table by {@code schema.table}, as the stream names relations
   */
  static Map<String, String> tables(ReplicationLogin login, Connection connection, String schema,
      List<String> tables) {
    Map<String, String> followed = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(TABLE)) {
      for (String table : tables) {
        statement.setString(1, schema);
        statement.setString(2, table);
        try (ResultSet answer = statement.executeQuery()) {
          if (!answer.next()) {
            throw login.refused("42P01", "the store has no table `" + schema + "." + table + "`");
          }
          String identity = answer.getString(1);
          boolean primaryKey = answer.getBoolean(2);
          if ("n".equals(identity) || ("d".equals(identity) && !primaryKey)) {
            throw login.refused(ReplicationLogin.NOT_PREREQUISITE, "table `" + schema + "." + table
                + "` has no primary key, so the store cannot say which row an UPDATE or DELETE changed, and"
                + " publishing it would make every UPDATE and DELETE on it fail; give it a primary key, or"
                + " have its owner run ALTER TABLE " + schema + "." + table + " REPLICA IDENTITY FULL");
          }
        }
        followed.put(schema + "." + table, table);
      }
    } catch (SQLException e) {
      throw login.failed("reading the followed tables' definitions", e);
    }
    return followed;
  }
}
