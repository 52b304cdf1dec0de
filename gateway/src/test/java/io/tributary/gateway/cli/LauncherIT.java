package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's commands, as a user types them: {@code bin/tributary demo}, then
 * {@code bin/tributary sql} asking the demo query; {@code bin/tributary serve --config
 * conf/tributary.yaml}. Runs after packaging, on the built launcher.
 */
class LauncherIT {

  @Test
  void demoServesTheReadmeQueryToTheSqlShell() throws Exception {
    try (LaunchedDemo demo = LaunchedDemo.start(Map.of())) {
      demo.awaitLine("HTTP API: http://127.0.0.1:" + demo.httpPort + "/api/catalog", Duration.ofSeconds(5));

      Process sql = new ProcessBuilder(LaunchedDemo.HOME.resolve("bin/tributary").toString(), "sql", "--url",
          "jdbc:tributary://127.0.0.1:" + demo.jdbcPort).redirectErrorStream(true).start();
      sql.getOutputStream().write(("SELECT c.country, count(*) FROM orders.orders o JOIN customers.customers c"
          + " ON o.customer_id = c.id GROUP BY c.country;\n!quit\n").getBytes(StandardCharsets.UTF_8));
      sql.getOutputStream().close();
      String output = new String(sql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(sql.waitFor(60, TimeUnit.SECONDS), "the SQL shell exits after !quit");

      assertTrue(output.contains("12 rows selected"), output);
      assertTrue(output.matches("(?s).*\\| DE +\\| \\d+ +\\|.*"), output);
    }
  }

  @Test
  void serveStartsOnTheExampleConfigurationWhateverItsStoresAnswer() throws Exception {
    try (LaunchedDemo served = LaunchedDemo.serve("conf/tributary.yaml", Map.of("CRM_DB_PASSWORD", "not-checked"))) {
      String log = served.log();
      assertTrue(log.contains("serving [customers, orders]"), log);
      for (String domain : List.of("customers", "orders")) {
        assertTrue(log.contains("domain `" + domain + "`: UP") || log.contains("domain `" + domain + "` does not answer"),
            "start-up reports " + domain + " up, or says why it does not answer:\n" + log);
      }
    }
  }
}
