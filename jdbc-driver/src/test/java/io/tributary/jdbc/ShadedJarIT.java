package io.tributary.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded jar as a BI tool sees it: loaded alone in its own class loader (nothing from
 * this module's class path), talking protobuf to a live Avatica server.
 */
class ShadedJarIT {

  private static final Path JAR = Path.of(System.getProperty("tributary.jdbc.jar"));

  private static URLClassLoader isolated;

  @BeforeAll
  static void loadJarAlone() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR);
    isolated = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  @AfterAll
  static void closeLoader() throws IOException {
    isolated.close();
  }

  @Test
  void jarAnnouncesOnlyTheTributaryDriver() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<JarEntry> entries = jar.stream()
          .filter(e -> e.getName().equals("META-INF/services/java.sql.Driver")).toList();
      assertEquals(1, entries.size());
      String content = new String(jar.getInputStream(entries.get(0)).readAllBytes(), StandardCharsets.UTF_8);
      assertEquals("io.tributary.jdbc.TributaryDriver", content.strip());
    }
    List<String> providers = ServiceLoader.load(Driver.class, isolated).stream()
        .filter(p -> p.type().getClassLoader() == isolated)
        .map(p -> p.type().getName()).toList();
    assertEquals(List.of("io.tributary.jdbc.TributaryDriver"), providers);
  }

  @Test
  void thirdPartyClassesAreRelocated() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
      List<String> stray = classes.stream()
          .filter(n -> !n.startsWith("io/tributary/jdbc/") && !n.startsWith("org/apache/calcite/avatica/"))
          .toList();
      assertAll(
          () -> assertEquals(List.of(), stray, "classes outside our package and Avatica's"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/com/google/protobuf/")), "protobuf bundled"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/com/fasterxml/jackson/")), "jackson bundled"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/org/apache/hc/")), "httpclient bundled"),
          () -> assertFalse(classes.stream().anyMatch(n -> n.contains("/slf4j/impl/")
              || n.contains("org/slf4j/simple/") || n.contains("/slf4j/reload4j/")), "no slf4j provider"));
    }
  }

  @Test
  void driverLoadsAloneAndAcceptsTributaryUrls() throws Exception {
    Driver driver = isolatedDriver();

    assertAll(
        () -> assertEquals(isolated, driver.getClass().getClassLoader()),
        () -> assertTrue(driver.acceptsURL("jdbc:tributary://h:1")),
        () -> assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1")));
  }

  @Test
  void queryRunsThroughTheShadedJarAgainstALiveAvaticaServer() throws Exception {
    HttpServer server = new HttpServer.Builder<Server>()
        .withHandler(new LocalService(new JdbcMeta("jdbc:h2:mem:shaded_it")),
            org.apache.calcite.avatica.remote.Driver.Serialization.PROTOBUF)
        .withPort(0)
        .withServerCustomizers(List.<ServerCustomizer<Server>>of(ShadedJarIT::bindLoopback), Server.class)
        .build();
    server.start();
    String url = "jdbc:tributary://127.0.0.1:" + server.getPort() + ";user=alice";
    try (Connection connection = isolatedDriver().connect(url, new Properties());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(
             "SELECT CURRENT_USER, CAST(X AS INT) FROM SYSTEM_RANGE(1, 3) ORDER BY X")) {
      DatabaseMetaData metaData = connection.getMetaData();
      assertAll(
          () -> assertEquals("Tributary JDBC Driver", metaData.getDriverName()),
          () -> assertEquals(System.getProperty("tributary.version"), metaData.getDriverVersion()),
          () -> assertEquals(url, metaData.getURL()));
      int count = 0;
      while (rows.next()) {
        count++;
        assertEquals("ALICE", rows.getString(1), "the URL's user reached the server");
        assertEquals(count, rows.getInt(2));
      }
      assertEquals(3, count);
    } finally {
      server.stop();
    }
  }

  private static Driver isolatedDriver() throws ReflectiveOperationException {
    Class<?> type = Class.forName("io.tributary.jdbc.TributaryDriver", true, isolated);
    return (Driver) type.getConstructor().newInstance();
  }

  private static void bindLoopback(Server server) {
    for (var connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
  }
}
