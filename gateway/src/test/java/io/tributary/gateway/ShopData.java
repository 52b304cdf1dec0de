package io.tributary.gateway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Repeatable test data for two domains: customers (kept in PostgreSQL) and their orders (kept in
 * MariaDB). The same rows can be loaded into one reference database to check federated answers.
 */
final class ShopData {
  static final int CUSTOMERS = 2_000;
  static final int ORDERS = 20_000;
  private static final List<String> COUNTRIES = List.of("DE", "FR", "NL", "ES", "IT", "PL", "SE", "US");
  private static final List<String> STATUSES = List.of("placed", "paid", "shipped", "delivered");

  private ShopData() {}

  static void createCustomers(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200),"
          + " country CHAR(2) NOT NULL, signed_up DATE NOT NULL, vip BOOLEAN NOT NULL)");
    }
    Random random = new Random(7);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= CUSTOMERS; id++) {
        insert.setInt(1, id);
        insert.setString(2, "Customer " + id);
        insert.setString(3, id % 10 == 0 ? null : "c" + id + "@example.com");
        insert.setString(4, COUNTRIES.get(random.nextInt(COUNTRIES.size())));
        insert.setObject(5, LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1000)));
        insert.setBoolean(6, random.nextInt(20) == 0);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  static void createOrders(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, ordered_on DATE NOT NULL,"
          + " status VARCHAR(20) NOT NULL, total DECIMAL(10, 2) NOT NULL)");
    }
    Random random = new Random(11);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
      for (int id = 1; id <= ORDERS; id++) {
        insert.setInt(1, id);
        insert.setInt(2, 1 + random.nextInt(CUSTOMERS));
        insert.setObject(3, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600)));
        insert.setString(4, STATUSES.get(random.nextInt(STATUSES.size())));
        insert.setBigDecimal(5, BigDecimal.valueOf(100 + random.nextInt(100_000), 2));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
