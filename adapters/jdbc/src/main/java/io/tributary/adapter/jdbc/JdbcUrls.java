package io.tributary.adapter.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs as they may appear in messages and logs. */
final class JdbcUrls {
  private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");

  private JdbcUrls() {}

  /** The URL with any inline password masked. */
  static String redact(String url) {
    return SECRET.matcher(url).replaceAll("$1***");
  }

  /** The path after host and port, without parameters: the database of most URLs. */
  static String database(String url) {
    String rest = url.substring(url.indexOf("//") + 2);
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return "";
    }
    String path = rest.substring(slash + 1);
    int end = path.length();
    for (char c : new char[] {'?', ';', '&'}) {
      int at = path.indexOf(c);
      if (at >= 0) {
        end = Math.min(end, at);
      }
    }
    return path.substring(0, end);
  }
}
