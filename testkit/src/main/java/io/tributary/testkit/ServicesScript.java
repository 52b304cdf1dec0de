package io.tributary.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code bin/services ensure}, the one place that knows how to install and start the database
 * servers on this machine, so the tests and a developer's shell start them the same way.
 */
final class ServicesScript {

  static final String RELATIVE_PATH = "bin/services";

  // apt-get may have to download both servers on a fresh machine; the script itself bounds the
  // wait for the ports to 60 s.
  private static final long TIMEOUT_MINUTES = 15;
  // Kept for the exception: a test run without an SLF4J provider would otherwise show nothing.
  private static final int OUTPUT_LINES_KEPT = 20;
  private static final Logger LOG = LoggerFactory.getLogger(ServicesScript.class);

  private final Path projectRoot;

  private ServicesScript(Path projectRoot) {
    this.projectRoot = projectRoot;
  }

  /** Finds the script by walking up from the working directory (a module's or the project's). */
  static ServicesScript locate() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(RELATIVE_PATH))) {
        return new ServicesScript(dir);
      }
    }
    throw new ServiceStartException("Cannot start the test databases: no " + RELATIVE_PATH
        + " in " + start + " or any parent; run the tests from inside the Tributary checkout");
  }

  void ensure() {
    Path script = projectRoot.resolve(RELATIVE_PATH);
    LOG.info("Running {} ensure", script);
    // Through bash so a checkout that lost the executable bit still works.
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "ensure")
        .directory(projectRoot.toFile())
        .redirectErrorStream(true);
    Deque<String> lastLines = new ArrayDeque<>();
    try {
      Process process = builder.start();
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          LOG.info("{}", line);
          lastLines.addLast(line);
          if (lastLines.size() > OUTPUT_LINES_KEPT) {
            lastLines.removeFirst();
          }
        }
      }
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw failure(script, "did not finish within " + TIMEOUT_MINUTES + " minutes", lastLines);
      }
      if (process.exitValue() != 0) {
        throw failure(script, "exited with status " + process.exitValue(), lastLines);
      }
    } catch (IOException e) {
      throw new ServiceStartException("Cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceStartException("Interrupted while running " + script, e);
    }
  }

  private static ServiceStartException failure(Path script, String what, Deque<String> lastLines) {
    return new ServiceStartException(script + " ensure " + what
        + "; run `sudo " + RELATIVE_PATH + " ensure` by hand to see why. Its last output:\n  "
        + String.join("\n  ", lastLines));
  }
}
