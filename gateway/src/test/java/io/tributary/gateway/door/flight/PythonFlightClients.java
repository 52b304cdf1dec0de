package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A data scientist's Python with pyarrow: a virtualenv under target/ with pyarrow installed by pip
 * from the machine's package index, made once and kept between runs.
 */
public final class PythonFlightClients {
  private static final Path VENV = Path.of("target", "python-flight").toAbsolutePath();
  private static final Path PYTHON = VENV.resolve("bin").resolve("python");

  private PythonFlightClients() {}

  /** The environment's {@code python}, with pyarrow importable; made on first use. */
  public static synchronized Path python() throws Exception {
    if (!Files.isExecutable(PYTHON)) {
      run("creating a Python environment for pyarrow (is python3 with its venv module installed?)", 120, null,
          "python3", "-m", "venv", VENV.toString());
    }
    if (exitCode(PYTHON.toString(), "-c", "import pyarrow.flight") != 0) {
      run("`pip install pyarrow` from the machine's package index (see pip's output above for the index and the error)",
          900, null, PYTHON.toString(), "-m", "pip", "install", "--quiet", "pyarrow");
    }
    return PYTHON;
  }

  /**
   * Runs a command to completion in {@code directory} (null: the tests' own) and returns its
   * standard output; fails the test with its output otherwise.
   */
  public static String run(String what, int timeoutSeconds, Path directory, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    Process process = builder.start();
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(what + " took more than " + timeoutSeconds + " s: " + String.join(" ", command));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      fail(what + " failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
    }
    return output;
  }

  private static int exitCode(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor();
  }
}
