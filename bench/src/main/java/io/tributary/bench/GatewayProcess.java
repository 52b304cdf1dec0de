package io.tributary.bench;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A gateway in a JVM of its own, started as {@code tributary serve} starts it, so that its memory
 * and the bytes it writes can be measured apart from the clients': resident set size and bytes
 * written from {@code /proc}, heap over JMX.
 */
public final class GatewayProcess implements AutoCloseable {
  private static final Duration START = Duration.ofMinutes(2);

  private final Process process;
  private final int jdbcPort;
  private final int flightPort;
  private final JMXConnector jmx;
  private final MemoryMXBean memory;
  private final List<GarbageCollectorMXBean> collectors;
  private final Set<String> heapPools;

  private GatewayProcess(Process process, int jdbcPort, int flightPort, JMXConnector jmx) throws IOException {
    this.process = process;
    this.jdbcPort = jdbcPort;
    this.flightPort = flightPort;
    this.jmx = jmx;
    MBeanServerConnection beans = jmx.getMBeanServerConnection();
    this.memory = ManagementFactory.newPlatformMXBeanProxy(beans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    this.collectors = ManagementFactory.getPlatformMXBeans(beans, GarbageCollectorMXBean.class);
    this.heapPools = ManagementFactory.getPlatformMXBeans(beans, MemoryPoolMXBean.class).stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
  }

  /**
   * Starts a gateway on this JVM's class path with {@code heap} as -Xmx; {@code yaml} is the
   * configuration without its {@code gateway} section, which this method writes.
   */
  public static GatewayProcess start(String domainsYaml, String heap, int batchRows) throws Exception {
    int jdbcPort = freePort();
    int flightPort = freePort();
    Path config = Files.createTempFile("tributary-bench", ".yaml");
    config.toFile().deleteOnExit();
    Files.writeString(config, """
        gateway:
          jdbc: {port: %d}
          flight: {port: %d, batchRows: %d}
          http: {port: 0}
        """.formatted(jdbcPort, flightPort, batchRows) + domainsYaml);
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
        "io.tributary.gateway.cli.Main", "serve", "--config", config.toString()))
        .redirectErrorStream(true).start();
    try {
      awaitReady(process);
      VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
      JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
      vm.detach();
      return new GatewayProcess(process, jdbcPort, flightPort, jmx);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  public int jdbcPort() {
    return jdbcPort;
  }

  int flightPort() {
    return flightPort;
  }

  /** Resident set size now, in bytes. */
  long residentBytes() throws IOException {
    return procField("status", "VmRSS:") * 1024;
  }

  /** Heap in use now (live and not yet collected), in bytes. */
  long heapUsedBytes() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Heap in use right after the latest garbage collection: roughly the data the gateway keeps alive. */
  long heapAfterGcBytes() {
    GcInfo latest = null;
    for (GarbageCollectorMXBean collector : collectors) {
      GcInfo info = collector.getLastGcInfo();
      if (info != null && (latest == null || info.getEndTime() > latest.getEndTime())) {
        latest = info;
      }
    }
    return latest == null ? 0 : latest.getMemoryUsageAfterGc().entrySet().stream()
        .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
  }

  /** Bytes written so far, to sockets mostly: what the gateway sent its clients. */
  long writtenBytes() throws IOException {
    return procField("io", "wchar:");
  }

  /** Stops the process first: a gateway too busy to answer JMX must still go. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      jmx.close();
    } catch (IOException serverGone) {
      // the connection's far end went with the process; the local side is released regardless
    }
  }

  private long procField(String file, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), file))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException("/proc/" + process.pid() + "/" + file + " has no " + field);
  }

  /** Waits for the launcher's ready line, passing the gateway's output through; keeps draining it after. */
  private static void awaitReady(Process process) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread output = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!ready.isDone()) {
            System.out.println("  gateway | " + line);
          }
          if (line.startsWith("Tributary ready")) {
            ready.complete(null);
          }
        }
        ready.completeExceptionally(new IOException("the gateway exited with " + process.waitFor() + " before it was ready"));
      } catch (IOException | InterruptedException e) {
        ready.completeExceptionally(e);
      }
    }, "gateway-output");
    output.setDaemon(true);
    output.start();
    ready.get(START.toSeconds(), TimeUnit.SECONDS);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
