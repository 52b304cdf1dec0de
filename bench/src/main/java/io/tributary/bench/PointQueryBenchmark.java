package io.tributary.bench;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.GatewayConfig;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gateway's overhead on a single-store point query: the same lookup by primary key on
 * PostgreSQL directly and through Tributary's JDBC driver, interleaved in rounds so machine noise
 * hits both alike. Reports medians and their ratio.
 *
 * <p>Run: {@code mvn -B -q -DskipTests install && mvn -B -q -pl bench exec:java -Dexec.mainClass=io.tributary.bench.PointQueryBenchmark}
 */
public final class PointQueryBenchmark {
  private static final String DATABASE = "tributary_it_point";
  private static final int ROWS = 100_000;
  private static final int WARM_UP = 3_000;
  private static final int ROUNDS = 40;
  private static final int PER_ROUND = 250;

  private PointQueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    DatabaseServer postgres = DatabaseServers.postgres();
    postgres.createDatabase(DATABASE);
    postgres.execute(DATABASE,
        "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200), country CHAR(2))",
        "INSERT INTO customers SELECT i, 'Customer ' || i, 'c' || i || '@example.com', 'DE' FROM generate_series(1, " + ROWS + ") i",
        "ANALYZE customers");
    try (Gateway gateway = start(postgres);
         Connection direct = postgres.connect(DATABASE);
         Connection viaGateway = DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + gateway.jdbcPort());
         PreparedStatement directLookup = direct.prepareStatement("SELECT name, email FROM customers WHERE id = ?");
         PreparedStatement gatewayLookup = viaGateway.prepareStatement("SELECT name, email FROM crm.customers WHERE id = ?");
         Statement gatewayAdHoc = viaGateway.createStatement()) {
      SplittableRandom ids = new SplittableRandom(1);
      Query directQuery = () -> lookup(directLookup, 1 + ids.nextInt(ROWS));
      Query gatewayPrepared = () -> lookup(gatewayLookup, 1 + ids.nextInt(ROWS));
      Query gatewayPlanned = () -> read(gatewayAdHoc.executeQuery(
          "SELECT name, email FROM crm.customers WHERE id = " + (1 + ids.nextInt(ROWS))));
      // A dashboard re-running the same text: the compiled plan can be reused.
      Query gatewayRepeated = () -> read(gatewayAdHoc.executeQuery("SELECT name, email FROM crm.customers WHERE id = 42"));

      for (int i = 0; i < WARM_UP; i++) {
        directQuery.run();
        gatewayPrepared.run();
        gatewayPlanned.run();
        gatewayRepeated.run();
      }
      Latencies directTimes = new Latencies(ROUNDS * PER_ROUND);
      Latencies preparedTimes = new Latencies(ROUNDS * PER_ROUND);
      Latencies plannedTimes = new Latencies(ROUNDS * PER_ROUND);
      Latencies repeatedTimes = new Latencies(ROUNDS * PER_ROUND);
      for (int round = 0; round < ROUNDS; round++) {
        measure(directQuery, directTimes);
        measure(gatewayPrepared, preparedTimes);
        measure(gatewayPlanned, plannedTimes);
        measure(gatewayRepeated, repeatedTimes);
      }
      System.out.println("point query by primary key, " + ROWS + " rows, " + ROUNDS + " interleaved rounds");
      System.out.println("  PostgreSQL directly          " + directTimes.summary());
      System.out.println("  gateway, prepared statement  " + preparedTimes.summary());
      System.out.println("  gateway, planned per query   " + plannedTimes.summary());
      System.out.println("  gateway, same text repeated  " + repeatedTimes.summary());
      double base = directTimes.quantileMicros(0.5);
      System.out.printf("  ratio of medians to PostgreSQL: prepared %.1fx, planned per query %.1fx, same text repeated %.1fx%n",
          preparedTimes.quantileMicros(0.5) / base, plannedTimes.quantileMicros(0.5) / base,
          repeatedTimes.quantileMicros(0.5) / base);
    }
  }

  private static Gateway start(DatabaseServer postgres) throws SQLException {
    String yaml = """
        gateway: {jdbc: {port: 0}, flight: {port: 0}, http: {port: 0}}
        domains:
          - name: crm
            owner: {team: crm, contact: crm@example.com}
            adapter: postgresql
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [customers]
        """.formatted(postgres.jdbcUrl(DATABASE), postgres.user(), postgres.password());
    DomainAdapters adapters = DomainAdapters.discover();
    GatewayConfig config = new ConfigLoader(Map.<String, String>of()::get, adapters.types()).parse("bench.yaml", yaml);
    return Gateway.start(config, "bench.yaml", adapters);
  }

  private static void measure(Query query, Latencies into) throws SQLException {
    for (int i = 0; i < PER_ROUND; i++) {
      long start = System.nanoTime();
      query.run();
      into.add(System.nanoTime() - start);
    }
  }

  private static void lookup(PreparedStatement statement, int id) throws SQLException {
    statement.setInt(1, id);
    read(statement.executeQuery());
  }

  private static void read(ResultSet rs) throws SQLException {
    try (rs) {
      if (!rs.next() || rs.getString(1) == null) {
        throw new IllegalStateException("the lookup found no row");
      }
    }
  }

  /** One timed query. */
  @FunctionalInterface
  private interface Query {
    void run() throws SQLException;
  }
}
