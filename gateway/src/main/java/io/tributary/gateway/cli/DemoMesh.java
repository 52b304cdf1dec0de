package io.tributary.gateway.cli;

import io.tributary.gateway.config.DomainConfig;
import io.tributary.gateway.config.GatewayConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Fills the demo's in-memory H2 domains with generated, repeatable data: customers in a dozen
 * countries and their orders, linked by {@code customer_id}.
 */
final class DemoMesh {
  static final int CUSTOMERS = 1_000;
  static final int ORDERS = 10_000;
  private static final List<String> COUNTRIES =
      List.of("DE", "FR", "NL", "ES", "IT", "PL", "SE", "US", "CA", "BR", "JP", "IN");
  private static final List<String> STATUSES = List.of("placed", "paid", "shipped", "delivered", "returned");

  private DemoMesh() {}

  /** Creates and fills the stores of the demo configuration's `customers` and `orders` domains. */
  static void seed(GatewayConfig config) throws SQLException {
    Random random = new Random(42);
    seedCustomers(url(config, "customers"), random);
    seedOrders(url(config, "orders"), random);
  }

  private static String url(GatewayConfig config, String domain) {
    return config.domains().stream().filter(d -> d.name().equals(domain)).findFirst()
        .map(DomainConfig::connection).map(c -> c.get("url"))
        .orElseThrow(() -> new IllegalArgumentException("the demo configuration has no domain `" + domain + "`"));
  }

  private static void seedCustomers(String url, Random random) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
         Statement ddl = c.createStatement()) {
      ddl.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
          + " email VARCHAR(200) NOT NULL, country CHAR(2) NOT NULL, signed_up DATE NOT NULL)");
      ddl.execute("CREATE TABLE internal_notes (customer_id INT, note VARCHAR(500))");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers VALUES (?, ?, ?, ?, ?)")) {
        for (int id = 1; id <= CUSTOMERS; id++) {
          insert.setInt(1, id);
          insert.setString(2, "Customer " + id);
          insert.setString(3, "customer" + id + "@example.com");
          insert.setString(4, COUNTRIES.get(random.nextInt(COUNTRIES.size())));
          insert.setObject(5, LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000)));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      ddl.execute("ANALYZE");
    }
  }

  private static void seedOrders(String url, Random random) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", "");
         Statement ddl = c.createStatement()) {
      ddl.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, ordered_on DATE NOT NULL,"
          + " status VARCHAR(20) NOT NULL, total DECIMAL(10, 2) NOT NULL)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
        for (int id = 1; id <= ORDERS; id++) {
          insert.setInt(1, id);
          insert.setInt(2, 1 + random.nextInt(CUSTOMERS));
          insert.setObject(3, LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)));
          insert.setString(4, STATUSES.get(random.nextInt(STATUSES.size())));
          insert.setBigDecimal(5, BigDecimal.valueOf(500 + random.nextInt(50_000), 2).setScale(2, RoundingMode.UNNECESSARY));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      ddl.execute("ANALYZE");
    }
  }
}
