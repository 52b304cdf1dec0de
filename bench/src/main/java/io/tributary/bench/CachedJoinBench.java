package io.tributary.bench;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A cached three-way join across three PostgreSQL domains (orders ⋈ customers ⋈ products), kept in
 * sync from logical replication: how long a committed change takes to be visible in a query the
 * cached join answers (median, p99 over {@value #CHANGES} changes, one at a time), and what a query
 * costs answered from the cached join, federated, and on one PostgreSQL database holding all three
 * tables, measured in the same run.
 *
 * <pre>
 * mvn -B -q install -pl bench -am -DskipTests
 * mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) io.tributary.bench.CachedJoinBench
 * </pre>
 */
public final class CachedJoinBench {
  private static final int CUSTOMERS = 2_000;
  private static final int PRODUCTS = 500;
  private static final int ORDERS = 20_000;
  private static final int CHANGES = 200;
  private static final int QUERIES = 200;
  private static final String JOIN = " FROM shop.orders o JOIN crm.customers c ON o.customer_id = c.id"
      + " JOIN catalog.products p ON o.product_id = p.id";
  private static final String BY_COUNTRY = "SELECT c.country, p.category, count(*), sum(o.amount)" + JOIN
      + " GROUP BY c.country, p.category";

  private CachedJoinBench() {}

  public static void main(String[] args) throws Exception {
    DatabaseServer postgres = DatabaseServers.postgres();
    for (String db : new String[] {"crm", "shop", "catalog", "all"}) {
      postgres.createDatabase("tributary_it_bench_mv_" + db);
    }
    String[] customers = {"CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100), country CHAR(2))",
        "INSERT INTO customers SELECT i, 'customer ' || i, (ARRAY['DE','FR','IT','ES','NL','PL','SE','US'])[1 + i % 8]"
            + " FROM generate_series(1, " + CUSTOMERS + ") i"};
    String[] products = {"CREATE TABLE products (id INT PRIMARY KEY, category VARCHAR(20))",
        "INSERT INTO products SELECT i, 'category ' || (i % 12) FROM generate_series(1, " + PRODUCTS + ") i"};
    String[] orders = {"CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, product_id INT, amount DECIMAL(10,2))",
        "INSERT INTO orders SELECT i, 1 + i % " + CUSTOMERS + ", 1 + i % " + PRODUCTS + ", (i % 1000) / 10.0"
            + " FROM generate_series(1, " + ORDERS + ") i"};
    postgres.execute("tributary_it_bench_mv_crm", customers);
    postgres.execute("tributary_it_bench_mv_catalog", products);
    postgres.execute("tributary_it_bench_mv_shop", orders);
    postgres.execute("tributary_it_bench_mv_all", customers);
    postgres.execute("tributary_it_bench_mv_all", products);
    postgres.execute("tributary_it_bench_mv_all", orders);
    for (String db : new String[] {"crm", "shop", "catalog", "all"}) {
      postgres.execute("tributary_it_bench_mv_" + db, "ANALYZE");
    }
    try (Gateway gateway = start(postgres);
        Connection c = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort());
        Connection store = postgres.connect("tributary_it_bench_mv_crm");
        Connection all = postgres.connect("tributary_it_bench_mv_all")) {
      waitUntilReady(c);
      measureLag(c, store);
      Latencies cached = time(c, BY_COUNTRY);
      query(c, "SET tributary.materializations = off");
      Latencies federated = time(c, BY_COUNTRY);
      Latencies direct = time(all, BY_COUNTRY.replace("shop.", "").replace("crm.", "").replace("catalog.", ""));
      System.out.println("aggregate over the 3-way join, answered from the cached join: " + cached.summary());
      System.out.println("the same, federated (materializations off):                   " + federated.summary());
      System.out.println("the same on one PostgreSQL database holding the three tables:  " + direct.summary());
      System.out.printf("ratios of medians: cached / one database %.2f, federated / one database %.2f%n",
          cached.quantileMicros(0.5) / direct.quantileMicros(0.5), federated.quantileMicros(0.5) / direct.quantileMicros(0.5));
    }
  }

  /** Renames one customer at a time and polls a query the cached join answers until it shows the name. */
  private static void measureLag(Connection c, Connection store) throws SQLException {
    Latencies lag = new Latencies(CHANGES);
    try (PreparedStatement rename = store.prepareStatement("UPDATE customers SET name = ? WHERE id = ?");
        PreparedStatement visible = c.prepareStatement("SELECT c.name" + JOIN + " WHERE o.id = ?")) {
      for (int i = 0; i < CHANGES; i++) {
        int order = 1 + i * 7;
        String name = "renamed " + i;
        rename.setString(1, name);
        rename.setInt(2, 1 + order % CUSTOMERS);
        visible.setInt(1, order);
        long committed = System.nanoTime();
        rename.executeUpdate();
        while (!name.equals(single(visible))) {
          Thread.onSpinWait();
        }
        lag.add(System.nanoTime() - committed);
      }
    }
    String plan = String.join("\n", lines(c, "EXPLAIN PLAN FOR SELECT c.name" + JOIN + " WHERE o.id = 1"));
    System.out.println("plan of the probe query: " + (plan.contains("materialized") ? "answered from the cached join"
        : "federated (!)"));
    System.out.println("commit in PostgreSQL to visible through the cached 3-way join (" + ORDERS + " orders, full"
        + " rebuild per change): " + lag.summary());
  }

  private static Latencies time(Connection c, String sql) throws SQLException {
    for (int i = 0; i < 10; i++) {
      query(c, sql);
    }
    Latencies latencies = new Latencies(QUERIES);
    for (int i = 0; i < QUERIES; i++) {
      long started = System.nanoTime();
      query(c, sql);
      latencies.add(System.nanoTime() - started);
    }
    return latencies;
  }

  private static void waitUntilReady(Connection c) throws Exception {
    while (!"ready".equals(single(c, "SELECT state FROM tributary.materializations"))) {
      Thread.sleep(50);
    }
    System.out.println("built: " + String.join(" ", lines(c,
        "SELECT row_count, memory_bytes, build_ms, sources FROM tributary.materializations")));
  }

  private static Gateway start(DatabaseServer postgres) throws Exception {
    StringBuilder yaml = new StringBuilder("gateway: {bind: 127.0.0.1, jdbc: {port: 0}, flight: {port: 0}, http: {port: 0}}\n"
        + "domains:\n");
    for (String[] domain : new String[][] {{"crm", "customers"}, {"shop", "orders"}, {"catalog", "products"}}) {
      yaml.append("""
            - name: %s
              owner: {team: bench, contact: bench@example.com}
              adapter: postgresql
              connection: {url: "%s", user: "%s", password: "%s"}
              tables: [%s]
          """.formatted(domain[0], postgres.jdbcUrl("tributary_it_bench_mv_" + domain[0]), postgres.user(),
          postgres.password(), domain[1]));
    }
    yaml.append("""
        catalog: {directory: target/cached-join-bench-contracts}
        materializations:
          - name: orders_wide
            sql: SELECT o.id, o.amount, c.name, c.country, p.category %s
        """.formatted(JOIN));
    DomainAdapters adapters = DomainAdapters.discover();
    return Gateway.start(new ConfigLoader(name -> null, adapters.types()).parse("bench.yaml", yaml.toString()),
        "bench.yaml", adapters);
  }

  private static void query(Connection c, String sql) throws SQLException {
    lines(c, sql);
  }

  private static String single(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      return single(s);
    }
  }

  private static List<String> lines(Connection c, String sql) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder line = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          line.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        lines.add(line.toString());
      }
    }
    return lines;
  }
}
