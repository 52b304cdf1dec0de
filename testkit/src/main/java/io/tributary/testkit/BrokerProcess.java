package io.tributary.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of a Kafka tool or server in a child JVM on the broker's own class path. */
final class BrokerProcess {
  private static final long STOP_SECONDS = 30;

  private final Process process;

  private BrokerProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code mainClass args} with output appended to {@code log}. */
  static BrokerProcess start(Path lib, Path log, String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
        "-cp", lib.resolve("*").toString(), mainClass));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      return new BrokerProcess(process);
    } catch (IOException e) {
      throw new ServiceStartException("Cannot run " + mainClass + " from " + lib + ": " + e.getMessage(), e);
    }
  }

  /** Waits for a tool to finish; fails naming the log when it does not succeed. */
  void awaitSuccess(String what, Path log) {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        stop();
        throw new ServiceStartException(what + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceStartException("Interrupted during " + what, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Asks the JVM and anything it started to stop (controlled shutdown), then kills what is left. */
  void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(STOP_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
