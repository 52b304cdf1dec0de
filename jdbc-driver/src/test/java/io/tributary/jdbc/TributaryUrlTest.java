package io.tributary.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TributaryUrlTest {

  @Test
  void hostAndPortBecomeAvaticaProtobufSettings() throws SQLException {
    Properties settings = TributaryUrl.parse("jdbc:tributary://127.0.0.1:8765;user=alice")
        .toAvaticaSettings(new Properties());

    assertEquals(Map.of("url", "http://127.0.0.1:8765", "serialization", "protobuf", "user", "alice"),
        settings);
  }

  @Test
  void portDefaultsTo8765() throws SQLException {
    TributaryUrl url = TributaryUrl.parse("jdbc:tributary://gateway.example.com");

    assertAll(
        () -> assertEquals("gateway.example.com", url.host()),
        () -> assertEquals(8765, url.port()),
        () -> assertEquals("http://gateway.example.com:8765", url.serverUrl()),
        () -> assertEquals(Map.of(), url.properties()));
  }

  @Test
  void trailingSlashAndTrailingSemicolonAreTolerated() throws SQLException {
    assertEquals("http://h:1", TributaryUrl.parse("jdbc:tributary://h:1/").serverUrl());
    assertEquals(Map.of(), TributaryUrl.parse("jdbc:tributary://h:1;").properties());
  }

  @Test
  void ipv6HostStaysBracketedInTheServerUrl() throws SQLException {
    assertEquals("http://[::1]:9000", TributaryUrl.parse("jdbc:tributary://[::1]:9000").serverUrl());
  }

  @Test
  void urlPropertiesWinOverCallerPropertiesAndBothAreKept() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "bob");
    info.setProperty("password", "secret");

    Properties settings = TributaryUrl.parse("jdbc:tributary://h:1;user=alice;timeZone=UTC")
        .toAvaticaSettings(info);

    assertAll(
        () -> assertEquals("alice", settings.getProperty("user")),
        () -> assertEquals("secret", settings.getProperty("password")),
        () -> assertEquals("UTC", settings.getProperty("timeZone")),
        () -> assertEquals("bob", info.getProperty("user"), "the caller's properties are not modified"));
  }

  @Test
  void quotedValuesMayHoldSemicolons() throws SQLException {
    TributaryUrl url = TributaryUrl.parse("jdbc:tributary://h:1;password='a;b';user=alice");

    assertEquals(Map.of("password", "a;b", "user", "alice"), url.properties());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:tributary://",
      "jdbc:tributary://:8765",
      "jdbc:tributary://h:port",
      "jdbc:tributary://h:123456",
      "jdbc:tributary://h:0",
      "jdbc:tributary://h:70000",
      "jdbc:tributary://h:8765?user=alice",
      "jdbc:tributary://alice@h:8765",
      "jdbc:tributary://h:8765/db",
      "jdbc:tributary://h:8765;=alice",
      "jdbc:tributary://h:8765;;user=alice",
      "jdbc:tributary:h:8765",
  })
  void malformedUrlNamesTheExpectedForm(String url) {
    SQLException e = assertThrows(SQLException.class, () -> TributaryUrl.parse(url));

    assertAll(
        () -> assertTrue(e.getMessage().startsWith("malformed Tributary URL"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("expected jdbc:tributary://host[:port][;key=value]..."),
            e.getMessage()));
  }

  @Test
  void malformedUrlMessageQuotesTheAddressButNotThePassword() {
    SQLException e = assertThrows(SQLException.class,
        () -> TributaryUrl.parse("jdbc:tributary://h:x;password=hunter2"));

    assertAll(
        () -> assertTrue(e.getMessage().contains("'jdbc:tributary://h:x'"), e.getMessage()),
        () -> assertFalse(e.getMessage().contains("hunter2"), e.getMessage()));
  }

  @Test
  void outOfRangePortIsNamed() {
    SQLException e = assertThrows(SQLException.class, () -> TributaryUrl.parse("jdbc:tributary://h:70000"));

    assertTrue(e.getMessage().contains("port 70000 is not between 1 and 65535"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"url=http://elsewhere:1", "serialization=json"})
  void settingsTheDriverDerivesCannotBeOverridden(String property) {
    SQLException e = assertThrows(SQLException.class,
        () -> TributaryUrl.parse("jdbc:tributary://h:1;" + property).toAvaticaSettings(new Properties()));

    assertTrue(e.getMessage().contains("is set by the Tributary driver from the URL"), e.getMessage());
  }
}
