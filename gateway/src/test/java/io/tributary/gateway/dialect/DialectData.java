package io.tributary.gateway.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

/**
 * Repeatable rows for the dialect tests, with the column names real schemas have and our old
 * parser refused ({@code value}, {@code ref}, {@code year}, {@code month}, {@code position}):
 * sensor readings (kept in PostgreSQL) and stock items (kept in MariaDB). The same rows go into a
 * reference PostgreSQL database, in schemas named like the domains, so one SQL text runs on both.
 */
final class DialectData {
  static final int READINGS = 600;
  static final int ITEMS = 150;
  private static final List<String> SENSORS = List.of("Thermo North", "thermo south", "HYGRO East", "Hygro West",
      "Baro Central");
  private static final List<String> NAMES = List.of("Bolt", "Nut", "Washer", "Screw", "Hinge", "Bracket");

  private DialectData() {}

  /** Creates {@code readings} (PostgreSQL only: timestamps, booleans) in {@code schema}, or the default one if empty. */
  static void createReadings(Connection c, String schema) throws SQLException {
    String table = qualified(schema, "readings");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, ref VARCHAR(12) NOT NULL, sensor VARCHAR(40),"
          + " value DECIMAL(12, 2), year INT NOT NULL, month INT NOT NULL, position INT, taken_at TIMESTAMP NOT NULL,"
          + " quantity DECIMAL(15, 2) NOT NULL, ok BOOLEAN NOT NULL)");
    }
    Random random = new Random(17);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= READINGS; id++) {
        LocalDateTime taken = LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(random.nextInt(3 * 365 * 24 * 60));
        insert.setInt(1, id);
        insert.setString(2, "R-" + (1 + random.nextInt(ITEMS + 30)));
        insert.setString(3, id % 37 == 0 ? null : SENSORS.get(random.nextInt(SENSORS.size())));
        insert.setBigDecimal(4, id % 23 == 0 ? null : BigDecimal.valueOf(random.nextInt(200_000) - 50_000, 2));
        insert.setInt(5, taken.getYear());
        insert.setInt(6, taken.getMonthValue());
        insert.setObject(7, id % 11 == 0 ? null : random.nextInt(40));
        insert.setObject(8, taken);
        insert.setBigDecimal(9, BigDecimal.valueOf(100 + random.nextInt(5_000), 2));
        insert.setBoolean(10, random.nextInt(7) != 0);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Creates {@code items} in {@code schema}, or the default one if empty; the DDL is MariaDB's and PostgreSQL's alike. */
  static void createItems(Connection c, String schema) throws SQLException {
    String table = qualified(schema, "items");
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, ref VARCHAR(12) NOT NULL, name VARCHAR(40) NOT NULL,"
          + " value DECIMAL(12, 2), year INT NOT NULL, month INT NOT NULL, position INT, added_on DATE NOT NULL,"
          + " price DECIMAL(15, 2) NOT NULL, qty INT NOT NULL)");
    }
    Random random = new Random(29);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= ITEMS; id++) {
        LocalDate added = LocalDate.of(2021, 6, 1).plusDays(random.nextInt(1_200));
        insert.setInt(1, id);
        insert.setString(2, "R-" + id);
        insert.setString(3, NAMES.get(random.nextInt(NAMES.size())) + " " + (char) ('A' + random.nextInt(5)));
        insert.setBigDecimal(4, id % 13 == 0 ? null : BigDecimal.valueOf(random.nextInt(90_000), 2));
        insert.setInt(5, added.getYear());
        insert.setInt(6, added.getMonthValue());
        insert.setObject(7, id % 9 == 0 ? null : random.nextInt(12));
        insert.setObject(8, added);
        insert.setBigDecimal(9, BigDecimal.valueOf(50 + random.nextInt(300_000), 2));
        insert.setInt(10, random.nextInt(500));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String qualified(String schema, String table) {
    return schema.isEmpty() ? table : schema + "." + table;
  }
}
