package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's commands, as a user types them: {@code bin/tributary demo}, then
 * {@code bin/tributary sql} asking the demo query. Runs after packaging, on the built launcher.
 */
class LauncherIT {
  private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  @Test
  void demoServesTheReadmeQueryToTheSqlShell() throws Exception {
    int jdbcPort = freePort();
    int httpPort = freePort();
    Path config = Files.createTempFile("demo", ".yaml");
    Files.writeString(config, Files.readString(HOME.resolve("conf/demo.yaml"))
        .replace("port: 8765", "port: " + jdbcPort)
        .replace("port: 8080", "port: " + httpPort)
        .replace("jdbc:\n    port", "flight:\n    port: 0\n  jdbc:\n    port"));
    Path demoLog = Files.createTempFile("demo", ".log");
    Process demo = new ProcessBuilder(HOME.resolve("bin/tributary").toString(), "demo", "--config", config.toString())
        .redirectErrorStream(true).redirectOutput(demoLog.toFile()).start();
    try {
      awaitLine(demoLog, "Tributary ready", Duration.ofSeconds(60), demo);
      awaitLine(demoLog, "HTTP API: http://127.0.0.1:" + httpPort + "/api/catalog", Duration.ofSeconds(5), demo);

      Process sql = new ProcessBuilder(HOME.resolve("bin/tributary").toString(), "sql", "--url",
          "jdbc:tributary://127.0.0.1:" + jdbcPort).redirectErrorStream(true).start();
      sql.getOutputStream().write(("SELECT c.country, count(*) FROM orders.orders o JOIN customers.customers c"
          + " ON o.customer_id = c.id GROUP BY c.country;\n!quit\n").getBytes(StandardCharsets.UTF_8));
      sql.getOutputStream().close();
      String output = new String(sql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(sql.waitFor(60, TimeUnit.SECONDS), "the SQL shell exits after !quit");

      assertTrue(output.contains("12 rows selected"), output);
      assertTrue(output.matches("(?s).*\\| DE +\\| \\d+ +\\|.*"), output);
    } finally {
      demo.descendants().forEach(ProcessHandle::destroy);
      demo.destroy();
      if (!demo.waitFor(20, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
  }

  private static void awaitLine(Path log, String text, Duration timeout, Process process) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.readString(log).contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the demo exited early:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no `" + text + "` within " + timeout + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
