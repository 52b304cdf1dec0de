package io.tributary.bench.tpch;

import io.tributary.testkit.DatabaseEngine;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * One database holding TPC-H tables: the reference (all eight in PostgreSQL) or one domain of the
 * split ({@code sales} and {@code customers} in PostgreSQL, {@code supply} in MariaDB).
 *
 * @param label the domain's name, or {@code reference}
 */
record TpchStore(String label, DatabaseServer server, String database, List<TableLayout> tables) {
  static final String REFERENCE = "reference";

  static TpchStore reference(String scaleName) {
    return new TpchStore(REFERENCE, DatabaseServers.postgres(), databaseName(scaleName, REFERENCE),
        Arrays.asList(TableLayout.values()));
  }

  static List<TpchStore> split(String scaleName) {
    return List.of(domain(scaleName, "sales", DatabaseServers.postgres()),
        domain(scaleName, "customers", DatabaseServers.postgres()),
        domain(scaleName, "supply", DatabaseServers.mariadb()));
  }

  boolean isPostgres() {
    return server.engine() == DatabaseEngine.POSTGRESQL;
  }

  /** A connection as the test login; on MariaDB one that may send {@code LOAD DATA LOCAL INFILE}. */
  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    properties.setProperty("password", server.password());
    if (!isPostgres()) {
      properties.setProperty("allowLocalInfile", "true");
    }
    return DriverManager.getConnection(server.jdbcUrl(database), properties);
  }

  private static TpchStore domain(String scaleName, String domain, DatabaseServer server) {
    return new TpchStore(domain, server, databaseName(scaleName, domain), TableLayout.ofDomain(domain));
  }

  private static String databaseName(String scaleName, String label) {
    return "tributary_it_tpch_sf" + scaleName + "_" + label;
  }
}
