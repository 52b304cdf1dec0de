package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's commands, as a user types them: {@code bin/tributary demo}, then
 * {@code bin/tributary sql} asking the demo query, and the driver jar a BI tool is given;
 * {@code bin/tributary serve --config conf/tributary.yaml}. Runs after packaging, on the built launcher.
 */
class LauncherIT {
  private static LaunchedDemo demo;

  @BeforeAll
  static void startTheDemo() throws Exception {
    demo = LaunchedDemo.start(Map.of());
  }

  @AfterAll
  static void stopTheDemo() throws Exception {
    demo.close();
  }

  @Test
  void demoServesTheReadmeQueryToTheSqlShell() throws Exception {
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

  @Test
  void theDriverJarTheReadmeNamesConnectsWithNothingElseOnItsClassPath() throws Exception {
    Readme readme = Readme.load();
    Path jar = LaunchedDemo.HOME.resolve(code(readme.lineWith("| driver jar |")));
    assertTrue(Files.isRegularFile(jar), jar + " is built by `mvn -B -q -DskipTests package`");
    try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Driver driver = (Driver) alone.loadClass(code(readme.lineWith("| driver class |"))).getDeclaredConstructor()
          .newInstance();
      try (Connection c = driver.connect("jdbc:tributary://127.0.0.1:" + demo.jdbcPort, new Properties());
           Statement s = c.createStatement();
           ResultSet rs = s.executeQuery(readme.sqlStatements().get(0).text())) {
        assertTrue(rs.next(), "the README's first query answers through " + jar);
      }
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

  /** The first `code` of a README line. */
  private static String code(String line) {
    Matcher code = Pattern.compile("`([^`]+)`").matcher(line.substring(line.indexOf('|', 1)));
    assertTrue(code.find(), line);
    return code.group(1);
  }
}
