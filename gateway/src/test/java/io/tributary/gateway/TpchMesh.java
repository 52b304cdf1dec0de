package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * TPC-H at a tiny scale split over three domains as analysts meet it: {@code sales} (orders,
 * lineitem) and {@code customers} (customer, nation, region) in two PostgreSQL databases,
 * {@code supply} (part, supplier, partsupp) in MariaDB; plus one reference PostgreSQL database
 * holding everything under schemas of the same names, so the same query text runs on both.
 */
final class TpchMesh {
  static final double SCALE = 0.01;
  private static final Map<String, List<String>> DOMAINS = Map.of(
      "sales", List.of("orders", "lineitem"),
      "customers", List.of("customer", "nation", "region"),
      "supply", List.of("part", "supplier", "partsupp"));
  private static final String REFERENCE_DB = "tributary_it_plan_reference";

  private TpchMesh() {}

  /** The gateway over the split, started once per test JVM. */
  static Gateway gateway() throws SQLException {
    return TestGateways.shared("tpch-plan", TpchMesh::start);
  }

  /** A direct connection to the one PostgreSQL database holding every table. */
  static Connection reference() throws SQLException {
    return DatabaseServers.postgres().connect(REFERENCE_DB);
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    loadStore(postgres, "sales");
    loadStore(postgres, "customers");
    loadStore(mariadb, "supply");
    postgres.createDatabase(REFERENCE_DB);
    try (Connection c = postgres.connect(REFERENCE_DB)) {
      for (Map.Entry<String, List<String>> domain : DOMAINS.entrySet()) {
        c.createStatement().execute("CREATE SCHEMA " + domain.getKey());
        for (String table : domain.getValue()) {
          TpchData.load(c, domain.getKey(), table, SCALE);
        }
      }
    }
    postgres.execute(REFERENCE_DB, "ANALYZE");
    String yaml = """
        domains:
          - {name: sales, owner: {team: sales, contact: sales@example.com}, adapter: postgresql,
             connection: {url: "%s", user: "%s", password: "%s"}, tables: [orders, lineitem]}
          - {name: customers, owner: {team: crm, contact: crm@example.com}, adapter: postgresql,
             connection: {url: "%s", user: "%s", password: "%s"}, tables: [customer, nation, region]}
          - {name: supply, owner: {team: supply, contact: supply@example.com}, adapter: mariadb,
             connection: {url: "%s", user: "%s", password: "%s"}, tables: [part, supplier, partsupp]}
        """.formatted(postgres.jdbcUrl(database("sales")), postgres.user(), postgres.password(),
        postgres.jdbcUrl(database("customers")), postgres.user(), postgres.password(),
        mariadb.jdbcUrl(database("supply")), mariadb.user(), mariadb.password());
    return TestGateways.start("tpch-plan.yaml", yaml);
  }

  private static void loadStore(DatabaseServer server, String domain) throws SQLException {
    String database = database(domain);
    server.createDatabase(database);
    List<String> tables = DOMAINS.get(domain);
    try (Connection c = server.connect(database)) {
      for (String table : tables) {
        TpchData.load(c, null, table, SCALE);
      }
    }
    // What a DBA runs after a load: statistics the planner then reads from the store's catalog.
    server.execute(database, switch (server.engine()) {
      case POSTGRESQL -> "ANALYZE";
      case MARIADB -> "ANALYZE TABLE " + String.join(", ", tables) + " PERSISTENT FOR ALL";
    });
  }

  private static String database(String domain) {
    return "tributary_it_plan_" + domain;
  }
}
