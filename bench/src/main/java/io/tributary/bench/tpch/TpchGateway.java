package io.tributary.bench.tpch;

import io.tributary.bench.GatewayProcess;
import io.tributary.gateway.config.FlightConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A gateway over the split, in a JVM of its own so that its heap and the client's do not mix.
 * Restarted after a query was abandoned: a planner that ignores cancellation would otherwise keep
 * a core busy and skew every later measurement.
 */
final class TpchGateway implements Door.ConnectionSource, AutoCloseable {
  private final String domainsYaml;
  private final String heap;
  private GatewayProcess process;

  private TpchGateway(String domainsYaml, String heap) throws Exception {
    this.domainsYaml = domainsYaml;
    this.heap = heap;
    this.process = GatewayProcess.start(domainsYaml, heap, FlightConfig.DEFAULT_BATCH_ROWS);
  }

  static TpchGateway start(List<TpchStore> split, String heap) throws Exception {
    return new TpchGateway(domainsYaml(split), heap);
  }

  /** One domain per store, publishing its TPC-H tables. */
  private static String domainsYaml(List<TpchStore> split) {
    return split.stream().map(store -> """
          - name: %s
            owner: {team: %s, contact: %s@example.com}
            adapter: %s
            connection: {url: "%s", user: "%s", password: "%s"}
            tables: [%s]
        """.formatted(store.label(), store.label(), store.label(), store.isPostgres() ? "postgresql" : "mariadb",
            store.server().jdbcUrl(store.database()), store.server().user(), store.server().password(),
            store.tables().stream().map(TableLayout::tableName).collect(Collectors.joining(", "))))
        .collect(Collectors.joining("", "domains:\n", ""));
  }

  @Override
  public Connection open() throws SQLException {
    return DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + process.jdbcPort());
  }

  @Override
  public void abandoned() {
    System.out.println("  restarting the gateway after an abandoned query");
    try {
      process.close();
      process = GatewayProcess.start(domainsYaml, heap, FlightConfig.DEFAULT_BATCH_ROWS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart the gateway after an abandoned query: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws Exception {
    process.close();
  }
}
