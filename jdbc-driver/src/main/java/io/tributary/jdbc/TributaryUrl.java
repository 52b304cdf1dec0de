package io.tributary.jdbc;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.ConnectStringParser;

/**
 * A parsed {@code jdbc:tributary://host[:port][;key=value]...} URL and its translation into the
 * settings of Avatica's remote driver: {@code url=http://host:port;serialization=protobuf} plus the
 * URL's own properties.
 */
record TributaryUrl(String host, int port, Map<String, String> properties) {

  static final String PREFIX = "jdbc:tributary://";
  static final int DEFAULT_PORT = 8765;
  static final String EXPECTED_FORM =
      "jdbc:tributary://host[:port][;key=value]... (port defaults to " + DEFAULT_PORT
          + "), e.g. jdbc:tributary://127.0.0.1:8765;user=alice";

  /** Settings the driver derives itself; a caller setting them would silently talk to another server. */
  private static final Set<String> DERIVED_SETTINGS = Set.of("url", "serialization");

  /** A host name, an IPv4 address or a bracketed IPv6 address; an optional port; an optional slash. */
  private static final Pattern AUTHORITY =
      Pattern.compile("(?<host>[A-Za-z0-9._-]+|\\[[0-9A-Za-z:.%]+])(?::(?<port>[0-9]{1,5}))?/?");

  TributaryUrl {
    properties = Map.copyOf(properties);
  }

  /** Parses a URL that starts with {@link #PREFIX}. */
  static TributaryUrl parse(String url) throws SQLException {
    if (url == null || !url.startsWith(PREFIX)) {
      throw malformed(String.valueOf(url), "it does not start with " + PREFIX);
    }
    int semicolon = url.indexOf(';');
    String address = semicolon < 0 ? url : url.substring(0, semicolon);
    Matcher authority = AUTHORITY.matcher(address.substring(PREFIX.length()));
    if (!authority.matches()) {
      throw malformed(address, "host and port are not of the form host[:port]");
    }
    int port = DEFAULT_PORT;
    if (authority.group("port") != null) {
      port = Integer.parseInt(authority.group("port"));
      if (port < 1 || port > 65535) {
        throw malformed(address, "port " + port + " is not between 1 and 65535");
      }
    }
    String settings = semicolon < 0 ? "" : url.substring(semicolon + 1);
    return new TributaryUrl(authority.group("host"), port, parseProperties(address, settings));
  }

  /** The HTTP address of the gateway's Avatica endpoint. */
  String serverUrl() {
    return "http://" + host + ":" + port;
  }

  /**
   * Avatica remote settings for this URL: the caller's properties, then the URL's (which win, as in
   * Avatica's own connect strings), then the server address and protobuf serialization.
   */
  Properties toAvaticaSettings(Properties info) throws SQLException {
    Properties settings = new Properties();
    if (info != null) {
      settings.putAll(info);
    }
    settings.putAll(properties);
    for (String derived : DERIVED_SETTINGS) {
      if (settings.containsKey(derived)) {
        throw new SQLException("property '" + derived + "' is set by the Tributary driver from the URL;"
            + " remove it and use " + EXPECTED_FORM, "08001");
      }
    }
    settings.setProperty("url", serverUrl());
    settings.setProperty("serialization", "protobuf");
    return settings;
  }

  private static Map<String, String> parseProperties(String address, String settings)
      throws SQLException {
    Map<String, String> properties = new TreeMap<>();
    for (Map.Entry<Object, Object> entry : ConnectStringParser.parse(settings).entrySet()) {
      String key = (String) entry.getKey();
      if (key.isEmpty() || key.indexOf(';') >= 0) {
        throw malformed(address, "properties after the address must be key=value pairs separated by ';'");
      }
      properties.put(key, (String) entry.getValue());
    }
    return properties;
  }

  /** The message quotes only the address: properties may hold a password. */
  private static SQLException malformed(String address, String reason) {
    return new SQLException("malformed Tributary URL '" + address + "': " + reason
        + "; expected " + EXPECTED_FORM, "08001");
  }
}
