package io.tributary.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

class TributaryDriverTest {

  private final TributaryDriver driver = new TributaryDriver();

  @Test
  void acceptsOnlyTributaryUrls() throws SQLException {
    assertAll(
        () -> assertTrue(driver.acceptsURL("jdbc:tributary://h:1")),
        () -> assertTrue(driver.acceptsURL("jdbc:tributary://h")),
        () -> assertFalse(driver.acceptsURL("jdbc:tributary:h:1")),
        () -> assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1")),
        () -> assertFalse(driver.acceptsURL("jdbc:postgresql://h:5432/db")));
  }

  @Test
  void otherDriversUrlsAreLeftToThem() throws SQLException {
    assertNull(driver.connect("jdbc:avatica:remote:url=http://h:1;serialization=protobuf", new Properties()));
  }

  @Test
  void driverManagerFindsTheDriverThroughItsServiceEntry() throws SQLException {
    assertInstanceOf(TributaryDriver.class, DriverManager.getDriver("jdbc:tributary://h:1"));
  }

  @Test
  void driverNamesItselfWithTheProjectVersion() {
    assertAll(
        () -> assertEquals("Tributary JDBC Driver", driver.getDriverVersion().name),
        () -> assertEquals(System.getProperty("tributary.version"), driver.getDriverVersion().versionString),
        () -> assertEquals("Tributary", driver.getDriverVersion().productName),
        () -> assertEquals(0, driver.getMajorVersion()),
        () -> assertEquals(1, driver.getMinorVersion()));
  }

  @Test
  void malformedUrlFailsTheConnectWithTheExpectedForm() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:tributary://h:port"));

    assertTrue(e.getMessage().contains("expected jdbc:tributary://host[:port]"), e.getMessage());
  }

  @Test
  void unreachableGatewayFailsTheConnectNamingItsAddress() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:tributary://127.0.0.1:" + port;

    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));

    assertAll(
        () -> assertEquals("08001", e.getSQLState()),
        () -> assertTrue(e.getMessage().startsWith(
            "cannot reach the Tributary gateway at http://127.0.0.1:" + port), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("Connection refused"), e.getMessage()));
  }

  @Test
  void gatewayAnsweringWithAnErrorRefusesTheSessionWithItsAnswer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "jdbc:tributary://127.0.0.1:" + server.getAddress().getPort() + ";user=mallory";

      SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));

      assertAll(
          () -> assertEquals("08004", e.getSQLState()),
          () -> assertTrue(e.getMessage().endsWith("refused the session: "
              + "Failed to execute HTTP Request, got HTTP/401"), e.getMessage()));
    } finally {
      server.stop(0);
    }
  }
}
