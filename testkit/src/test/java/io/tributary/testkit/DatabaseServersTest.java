package io.tributary.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseServersTest {

  private static final String DATABASE = "tributary_it_testkit";

  private static List<DatabaseServer> bothServers() {
    return List.of(DatabaseServers.postgres(), DatabaseServers.mariadb());
  }

  @Test
  void createdDatabasesAcceptTablesAndRowsOnBothServers() throws SQLException {
    for (DatabaseServer server : bothServers()) {
      String url = server.createDatabase(DATABASE);
      assertEquals(server.jdbcUrl(DATABASE), url);

      server.execute(DATABASE,
          "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)",
          "INSERT INTO customer VALUES (1, 'Ada'), (2, 'Grace')");

      assertEquals(List.of("1 Ada", "2 Grace"),
          rows(server, "SELECT id, name FROM customer ORDER BY id"), server.toString());
    }
  }

  @Test
  void recreatingADatabaseDiscardsItsTablesEvenWithASessionStillOpen() throws SQLException {
    for (DatabaseServer server : bothServers()) {
      String database = DATABASE + "_recreated";
      server.createDatabase(database);
      server.execute(database, "CREATE TABLE leftover (id INT)");

      // A test that forgot to close its connection must not stop the next one from starting clean.
      try (Connection forgotten = server.connect(database)) {
        assertTrue(forgotten.isValid(1), server.toString());
        server.createDatabase(database);
      }

      assertEquals(List.of("0"), rows(server, database,
          "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'leftover'"),
          server.toString());
    }
  }

  @Test
  void createDatabaseRefusesNamesOutsideTheTestPrefix() {
    for (DatabaseServer server : bothServers()) {
      for (String name : List.of("tributary_crm", "postgres", "mysql", "tributary_it_",
          "tributary_it_CRM", "tributary_it_x; DROP DATABASE postgres")) {
        IllegalArgumentException refusal =
            assertThrows(IllegalArgumentException.class, () -> server.createDatabase(name), name);
        assertTrue(refusal.getMessage().contains(DatabaseServer.TEST_DATABASE_PREFIX));
      }
    }
  }

  private static List<String> rows(DatabaseServer server, String sql) throws SQLException {
    return rows(server, DATABASE, sql);
  }

  private static List<String> rows(DatabaseServer server, String database, String sql)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      int columns = resultSet.getMetaData().getColumnCount();
      while (resultSet.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          values.add(resultSet.getString(column));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
