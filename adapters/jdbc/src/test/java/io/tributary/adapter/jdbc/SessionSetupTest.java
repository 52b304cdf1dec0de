package io.tributary.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every connection of a domain's pool holds the session settings its dialect relies on, whatever the store's defaults. */
class SessionSetupTest {

  @Test
  void postgresConnectionsKeepStandardConformingStringsOnThroughRolledBackTransactions() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    try (DomainConnectionPool pool = pool("crm", postgres.jdbcUrl("postgres") + "?options=-c%20standard_conforming_strings=off",
        postgres, PostgresStoreDialect.SESSION)) {
      pool.setDefaultAutoCommit(false);
      for (int borrow = 0; borrow < 2; borrow++) {
        try (Connection connection = pool.getConnection()) {
          assertEquals("on", answer(connection, "SHOW standard_conforming_strings"));
          connection.rollback();
        }
      }
    }
  }

  @Test
  void mariadbConnectionsAddNoBackslashEscapesAndKeepTheModesTheOwnerChose() throws SQLException {
    DatabaseServer mariadb = DatabaseServers.mariadb();
    for (String mode : List.of("", "ANSI", "ANSI_QUOTES,STRICT_TRANS_TABLES")) {
      String url = mariadb.jdbcUrl("") + "?sessionVariables=sql_mode='" + mode + "'";
      try (DomainConnectionPool pool = pool("shop", url, mariadb, MysqlStoreDialect.SESSION);
          Connection connection = pool.getConnection()) {
        List<String> modes = List.of(answer(connection, "SELECT @@SESSION.sql_mode").split(","));
        assertTrue(modes.contains("NO_BACKSLASH_ESCAPES"), mode + " -> " + modes);
        for (String kept : mode.split(",")) {
          assertTrue(kept.isEmpty() || modes.contains(kept), mode + " -> " + modes);
        }
      }
    }
  }

  @Test
  void aStoreThatDoesNotKeepTheSettingsIsRefusedNamingTheDomainAndTheSetting() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    SessionSetup unkept = new SessionSetup(List.of("SET standard_conforming_strings = on"),
        "SELECT current_setting('standard_conforming_strings') = 'off'", "an impossible promise");
    try (DomainConnectionPool pool = pool("crm", postgres.jdbcUrl("postgres"), postgres, unkept)) {
      SQLException refused = assertThrows(SQLException.class, pool::getConnection);

      assertEquals("08004", refused.getSQLState());
      assertTrue(refused.getMessage().startsWith("domain `crm`: the store at ") && refused.getMessage().contains("an impossible promise"),
          refused.getMessage());
      assertInstanceOf(DomainQueryException.class, refused.getCause());
    }
  }

  private static DomainConnectionPool pool(String domain, String url, DatabaseServer server, SessionSetup session) {
    DomainConnectionPool pool = new DomainConnectionPool(domain, url, session);
    pool.setUrl(url);
    pool.setUsername(server.user());
    pool.setPassword(server.password());
    pool.setMaxWait(java.time.Duration.ofSeconds(5));
    return pool;
  }

  private static String answer(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
