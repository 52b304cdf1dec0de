package io.tributary.gateway.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/tributary demo} (or {@code serve}) as a user starts it, in its own JVM, on free ports:
 * what the launcher sets (heap, log configuration, the JDK's HTTP server limits) holds as in production.
 */
final class LaunchedDemo implements AutoCloseable {
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  final int jdbcPort;
  final int httpPort;
  final Path config;
  private final String command;
  private final Path log;
  private final Process process;

  private LaunchedDemo(String command, int jdbcPort, int httpPort, Path config, Path log, Process process) {
    this.command = command;
    this.jdbcPort = jdbcPort;
    this.httpPort = httpPort;
    this.config = config;
    this.log = log;
    this.process = process;
  }

  /** Starts the demo on free ports with {@code environment} added, and waits until it is ready. */
  static LaunchedDemo start(Map<String, String> environment) throws IOException, InterruptedException {
    return start(environment, "");
  }

  /** {@link #start(Map)} with {@code settings}, top-level YAML such as {@code limits: {…}}, added to the demo's configuration. */
  static LaunchedDemo start(Map<String, String> environment, String settings) throws IOException, InterruptedException {
    return ready("demo", settings + Files.readString(HOME.resolve("conf/demo.yaml")), environment);
  }

  /** {@code bin/tributary serve --config} on {@code configFile} of the checkout, moved to free ports; waits until it is ready. */
  static LaunchedDemo serve(String configFile, Map<String, String> environment) throws IOException, InterruptedException {
    return ready("serve", Files.readString(HOME.resolve(configFile)), environment);
  }

  private static LaunchedDemo ready(String command, String yaml, Map<String, String> environment)
      throws IOException, InterruptedException {
    int jdbcPort = freePort();
    int httpPort = freePort();
    Path config = Files.createTempFile(command, ".yaml");
    String onFreePorts = yaml.replace("port: 8765", "port: " + jdbcPort).replace("port: 8080", "port: " + httpPort)
        .replace("port: 32010", "port: 0");
    Files.writeString(config, onFreePorts.contains("  flight:") ? onFreePorts
        : onFreePorts.replace("jdbc:\n    port", "flight:\n    port: 0\n  jdbc:\n    port"));
    LaunchedDemo demo = launch(command, jdbcPort, httpPort, config, environment);
    try {
      demo.awaitLine("Tributary ready", Duration.ofSeconds(90));
    } catch (AssertionError | RuntimeException e) {
      demo.close();
      throw e;
    }
    return demo;
  }

  /** A second demo on this one's configuration (and so its ports); not waited for. */
  LaunchedDemo again() throws IOException {
    return launch(command, jdbcPort, httpPort, config, Map.of());
  }

  private static LaunchedDemo launch(String command, int jdbcPort, int httpPort, Path config,
      Map<String, String> environment) throws IOException {
    Path log = Files.createTempFile(command, ".log");
    ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/tributary").toString(), command, "--config",
        config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new LaunchedDemo(command, jdbcPort, httpPort, config, log, builder.start());
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  Process process() {
    return process;
  }

  /** Waits for {@code text} in the demo's output; fails with the output if it does not come or the demo exits. */
  void awaitLine(String text, Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (log().contains(text)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("`tributary " + command + "` exited early:\n" + log());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no `" + text + "` within " + timeout + ":\n" + log());
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
