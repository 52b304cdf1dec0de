package io.tributary.gateway;

import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One gateway over stores holding hostile values and names, for the tests that nothing a user
 * writes reaches a store as anything but data. The same tables sit in PostgreSQL, MariaDB and H2;
 * several domains read each store under the session settings a store owner might have chosen as
 * the server's defaults (MariaDB {@code sql_mode}s, PostgreSQL {@code standard_conforming_strings}),
 * which the gateway must be safe under. Beside each {@code notes} table lies an unpublished
 * {@code secrets} table that no query may ever read.
 */
public final class HostileMesh {
  static final String DATABASE = "tributary_it_hostile";
  static final String H2_URL = "jdbc:h2:mem:tributary_hostile;DB_CLOSE_DELAY=-1";
  /** What the unpublished tables hold: it must never come back from the gateway. */
  static final String SECRET = "TOP-SECRET-e1f2";

  /** The hostile table, as each store family spells it: quote, comment marker, semicolon. */
  static final String PG_TABLE = "we\"ird;--tbl";
  static final String MY_TABLE = "we`ird;--tbl";
  /** Its columns besides {@code id}: each breaks a quoting rule of some store. */
  static final List<String> PG_COLUMNS = List.of("co\"l", "c'ol", "c;ol -- x", "ĉolümn");
  static final List<String> MY_COLUMNS = List.of("co`l", "c'ol", "c\"ol", "c;ol -- x", "ĉolümn");

  /** Values with every character that ends, escapes or comments out a literal in some store's SQL. */
  static final List<String> VALUES = List.of(
      "'", "''", "\\", "\\'", "\\\\'", "'\\", "\\' OR 1=1 -- ", "' OR '1'='1", "'; DROP TABLE notes; --",
      "a\"b", "a`b", "--", "/* x */", "# x", ";", "%", "_", "a\\%b", "a\\_b", "100%", "a%b",
      "$$", "$tag$ x $tag$", "E'\\x27'", "U&'\\0027'", "\\x27", "\\0", "\\Z", "\\n",
      "\u02bc", "\uff07", "\u2019", "\u00bf'", "\u00bf\\'", "\u00e9'", "\ud83d\ude00'", "\u202e'",
      "line\nbreak\r\ttab", "x".repeat(20_000) + "'" + "\\".repeat(99) + "' OR 1=1 --",
      "plain");
  /** A row of the {@code typed} table: a number, a date, a timestamp and bytes, as SQL literals write them. */
  record TypedRow(int id, String amount, String day, String at, String rawHex) {}

  /** Rows that differ from each other in one typed column each, and bytes holding a quote and a backslash. */
  static final List<TypedRow> TYPED = List.of(
      new TypedRow(1, "-12.345", "2024-02-29", "2024-02-29 23:59:59.123", "00275c"),
      new TypedRow(2, "-12.346", "2024-02-29", "2024-02-29 23:59:59.123", "00275c"),
      new TypedRow(3, "-12.345", "2024-03-01", "2024-02-29 23:59:59.123", "00275c"),
      new TypedRow(4, "-12.345", "2024-02-29", "2024-02-29 23:59:59.124", "00275c"),
      new TypedRow(5, "-12.345", "2024-02-29", "2024-02-29 23:59:59.123", "00275d"));

  /** A value with a NUL character: MariaDB and H2 hold it, PostgreSQL's text cannot. */
  static final String WITH_NUL = "a\u0000b";

  /** A domain of the mesh: its name, which store family it reads, and whether its text can hold NUL. */
  public record Domain(String name, Family family) {
    boolean holdsNul() {
      return family.holdsNul();
    }

    /** The table's name as the store's dialect writes it in the SQL the gateway sends. */
    String storeTable(String table) {
      return switch (family) {
        case POSTGRESQL -> "\"public\".\"" + table + "\"";
        case MARIADB -> "`" + DATABASE + "`.`" + table + "`";
        case H2 -> "\"PUBLIC\".\"" + table + "\"";
      };
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** The store families, each with its own quoting. */
  public enum Family {
    POSTGRESQL, MARIADB, H2;

    boolean holdsNul() {
      return this != POSTGRESQL;
    }

    String quote() {
      return this == MARIADB ? "`" : "\"";
    }

    String table() {
      return this == MARIADB ? MY_TABLE : PG_TABLE;
    }

    List<String> columns() {
      return this == MARIADB ? MY_COLUMNS : PG_COLUMNS;
    }

    /** The notes table, quoted so that H2 keeps its name lower case as the other stores do. */
    String notes() {
      return quoted("notes", quote());
    }

    String secrets() {
      return quoted("secrets", quote());
    }

    String typed() {
      return quoted("typed", quote());
    }

    String binaryType() {
      return this == POSTGRESQL ? "BYTEA" : "VARBINARY(16)";
    }
  }

  /** Every domain: each store under each session default the gateway must stay safe under. */
  static final List<Domain> DOMAINS = List.of(
      new Domain("pg", Family.POSTGRESQL),
      new Domain("pg_scs_off", Family.POSTGRESQL),
      new Domain("pg_scs_off_backslash_quote", Family.POSTGRESQL),
      new Domain("my", Family.MARIADB),
      new Domain("my_no_modes", Family.MARIADB),
      new Domain("my_no_backslash_escapes", Family.MARIADB),
      new Domain("my_ansi_quotes", Family.MARIADB),
      new Domain("my_ansi_quotes_no_backslash_escapes", Family.MARIADB),
      new Domain("my_ansi", Family.MARIADB),
      new Domain("mysql_url", Family.MARIADB),
      new Domain("h2", Family.H2));

  private final Gateway gateway;

  private HostileMesh(Gateway gateway) {
    this.gateway = gateway;
  }

  /** The one gateway of these tests: started on first use, stopped when the test JVM exits. */
  public static HostileMesh get() throws SQLException {
    return new HostileMesh(TestGateways.shared("hostile-mesh", HostileMesh::start));
  }

  static Stream<Domain> domains() {
    return DOMAINS.stream();
  }

  /** The rows of every {@code notes} table: id i + 1 holds {@code values.get(i)}. */
  static List<String> storedValues(Family family) {
    List<String> values = new ArrayList<>(VALUES);
    if (family.holdsNul()) {
      values.add(WITH_NUL);
    }
    return values;
  }

  private static Gateway start() throws SQLException {
    DatabaseServer postgres = DatabaseServers.postgres();
    DatabaseServer mariadb = DatabaseServers.mariadb();
    postgres.createDatabase(DATABASE);
    mariadb.createDatabase(DATABASE);
    try (Connection c = postgres.connect(DATABASE)) {
      load(c, Family.POSTGRESQL, "TEXT");
    }
    try (Connection c = mariadb.connect(DATABASE)) {
      // A binary collation without padding: equality and LIKE then mean what they mean in Java.
      load(c, Family.MARIADB, "TEXT COLLATE utf8mb4_nopad_bin");
    }
    try (Connection c = DriverManager.getConnection(H2_URL)) {
      load(c, Family.H2, "VARCHAR(100000)");
    }
    String pg = postgres.jdbcUrl(DATABASE);
    String my = mariadb.jdbcUrl(DATABASE);
    String mysqlUrl = my.replace("jdbc:mariadb:", "jdbc:mysql:");
    StringBuilder yaml = new StringBuilder("domains:\n");
    domain(yaml, "pg", "postgresql", pg, postgres);
    domain(yaml, "pg_scs_off", "postgresql", withParameter(pg, "options=-c%20standard_conforming_strings=off"), postgres);
    domain(yaml, "pg_scs_off_backslash_quote", "postgresql",
        withParameter(pg, "options=-c%20standard_conforming_strings=off%20-c%20backslash_quote=on"), postgres);
    domain(yaml, "my", "mariadb", my, mariadb);
    domain(yaml, "my_no_modes", "mariadb", withParameter(my, "sessionVariables=sql_mode=''"), mariadb);
    domain(yaml, "my_no_backslash_escapes", "mariadb", withParameter(my, "sessionVariables=sql_mode='NO_BACKSLASH_ESCAPES'"), mariadb);
    domain(yaml, "my_ansi_quotes", "mariadb", withParameter(my, "sessionVariables=sql_mode='ANSI_QUOTES'"), mariadb);
    domain(yaml, "my_ansi_quotes_no_backslash_escapes", "mariadb",
        withParameter(my, "sessionVariables=sql_mode='ANSI_QUOTES,NO_BACKSLASH_ESCAPES'"), mariadb);
    domain(yaml, "my_ansi", "mariadb", withParameter(my, "sessionVariables=sql_mode='ANSI'"), mariadb);
    domain(yaml, "mysql_url", "mysql", mysqlUrl, mariadb);
    yaml.append("""
          - name: h2
            owner: {team: demo, contact: demo@example.com}
            adapter: h2
            connection: {url: "%s"}
            tables: [notes, typed, {name: weird, source: %s}]
        """.formatted(H2_URL, yamlString(PG_TABLE)));
    return TestGateways.start("hostile-mesh.yaml", yaml.toString());
  }

  private static void domain(StringBuilder yaml, String name, String adapter, String url, DatabaseServer server) {
    String table = adapter.equals("postgresql") ? PG_TABLE : MY_TABLE;
    yaml.append("""
          - name: %s
            owner: {team: security, contact: security@example.com}
            adapter: %s
            connection: {url: %s, user: "%s", password: "%s"}
            tables: [notes, typed, {name: weird, source: %s}]
        """.formatted(name, adapter, yamlString(url), server.user(), server.password(), yamlString(table)));
  }

  /** The tables of one store: notes with every hostile value, secrets, and the hostile-named table. */
  private static void load(Connection c, Family family, String textType) throws SQLException {
    String table = quoted(family.table(), family.quote());
    List<String> columns = family.columns();
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + family.notes() + " (id INT PRIMARY KEY, body " + textType + ")");
      s.execute("CREATE TABLE " + family.secrets() + " (id INT PRIMARY KEY, secret VARCHAR(50))");
      s.execute("INSERT INTO " + family.secrets() + " VALUES (1, '" + SECRET + "')");
      s.execute("CREATE TABLE " + family.typed() + " (id INT PRIMARY KEY, amount DECIMAL(12,3), on_day DATE,"
          + " at_time TIMESTAMP(3), raw " + family.binaryType() + ")");
      StringBuilder create = new StringBuilder("CREATE TABLE " + table + " (id INT PRIMARY KEY");
      columns.forEach(column -> create.append(", ").append(quoted(column, family.quote())).append(" VARCHAR(20)"));
      s.execute(create.append(")").toString());
    }
    List<String> values = storedValues(family);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + family.notes() + " VALUES (?, ?)")) {
      for (int i = 0; i < values.size(); i++) {
        insert.setInt(1, i + 1);
        insert.setString(2, values.get(i));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + family.typed() + " VALUES (?, ?, ?, ?, ?)")) {
      for (TypedRow row : TYPED) {
        insert.setInt(1, row.id());
        insert.setBigDecimal(2, new java.math.BigDecimal(row.amount()));
        insert.setDate(3, java.sql.Date.valueOf(row.day()));
        insert.setTimestamp(4, java.sql.Timestamp.valueOf(row.at()));
        insert.setBytes(5, java.util.HexFormat.of().parseHex(row.rawHex()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?" + ", ?".repeat(columns.size()) + ")")) {
      for (int row = 1; row <= 2; row++) {
        insert.setInt(1, row);
        for (int i = 0; i < columns.size(); i++) {
          insert.setString(i + 2, weirdValue(row, i));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The value of column {@code i} (0-based, after id) in row {@code row} of the hostile table. */
  static String weirdValue(int row, int column) {
    return "k'" + row + "\\" + column;
  }

  private static String quoted(String name, String quote) {
    return quote + name.replace(quote, quote + quote) + quote;
  }

  private static String withParameter(String url, String parameter) {
    return url + (url.contains("?") ? "&" : "?") + parameter;
  }

  /** A YAML double-quoted scalar holding {@code text} exactly. */
  private static String yamlString(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  public Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  public Gateway gateway() {
    return gateway;
  }
}
