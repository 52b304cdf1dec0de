package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.HostileMesh.Domain;
import io.tributary.gateway.HostileMesh.Family;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value a user writes reaches every store as the value it is, whatever the store's session
 * defaults: each hostile value, compared, matched as a pattern, listed and bound, selects exactly
 * the rows holding it, the store receives it as one literal, and no row of an unpublished table
 * ever comes back. Each test reports every value that went wrong, not just the first.
 */
class HostileValuesTest {
  /** Lists no longer than this reach the store as IN (…); Calcite joins longer ones in the gateway. */
  private static final int LIST_LENGTH = 15;
  private static Connection gateway;

  @BeforeAll
  static void connect() throws SQLException {
    gateway = HostileMesh.get().connect();
  }

  @AfterAll
  static void storesStillHoldWhatTheyHeld() throws SQLException {
    gateway.close();
    for (Family family : Family.values()) {
      try (Connection store = store(family)) {
        assertEquals(List.of(String.valueOf(HostileMesh.storedValues(family).size())),
            Rows.of(store, "SELECT count(*) FROM " + family.notes()), family + " notes");
        assertEquals(List.of("1 | " + HostileMesh.SECRET), Rows.of(store, "SELECT id, secret FROM " + family.secrets()), family + " secrets");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void eachValueComparedForEqualitySelectsExactlyTheRowsHoldingIt(Domain domain) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (String value : values(domain)) {
      String sql = "SELECT id FROM " + domain + ".notes WHERE body = " + literal(value) + " ORDER BY id";
      check(domain, sql, idsWhere(domain, value::equals), List.of(literal(value)), problems);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void eachValueUsedAsALikePatternMatchesWhatSqlSaysItMatches(Domain domain) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (String pattern : values(domain)) {
      Pattern meaning = likeMeaning(pattern);
      String sql = "SELECT id FROM " + domain + ".notes WHERE body LIKE " + literal(pattern) + " ORDER BY id";
      // Without ESCAPE a backslash is an ordinary character, which the store is told by doubling it;
      // LIKE '%' needs no pattern at all (the gateway asks for IS NOT NULL).
      List<String> sent = pattern.equals("%") ? List.of() : List.of(literal(pattern.replace("\\", "\\\\")));
      check(domain, sql, idsWhere(domain, body -> meaning.matcher(body).matches()), sent, problems);
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void eachValueBoundAsAParameterSelectsExactlyTheRowsHoldingIt(Domain domain) throws SQLException {
    List<String> problems = new ArrayList<>();
    for (String value : values(domain)) {
      List<String> rows = Rows.of(gateway, "SELECT id FROM " + domain + ".notes WHERE body = ? ORDER BY id", value);
      if (!rows.equals(idsWhere(domain, value::equals))) {
        problems.add(describe(value) + " bound as a parameter selected " + rows);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void listsOfValuesSelectExactlyTheRowsHoldingThemAndTheirNegationTheOthers(Domain domain) throws SQLException {
    List<String> problems = new ArrayList<>();
    List<String> stored = values(domain);
    // Short lists, which the gateway hands to the store as IN (…) rather than joining in a list of its own.
    for (int from = 0; from < stored.size(); from += LIST_LENGTH) {
      List<String> listed = stored.subList(from, Math.min(stored.size(), from + LIST_LENGTH));
      String list = listed.stream().map(HostileValuesTest::literal).collect(Collectors.joining(", "));
      for (boolean negated : new boolean[] {false, true}) {
        String sql = "SELECT id FROM " + domain + ".notes WHERE body " + (negated ? "NOT IN" : "IN") + " (" + list + ") ORDER BY id";
        check(domain, sql, idsWhere(domain, body -> listed.contains(body) != negated),
            listed.stream().map(HostileValuesTest::literal).toList(), problems);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void theInjectionsReportedAgainstMariadbSelectNothing(Domain domain) throws SQLException {
    String notes = domain + ".notes";
    List<String> union = Rows.of(gateway, "SELECT id, body FROM " + notes
        + " WHERE body = '\\'' UNION SELECT id, secret FROM secrets -- '");
    // One string, `\' OR 1=1 -- `, which one row holds: it is found, and nothing else.
    List<String> everything = Rows.of(gateway, "SELECT id FROM " + notes + " WHERE body = '\\'' OR 1=1 -- '");
    List<String> serverFacts = Rows.of(gateway, "SELECT id, body FROM " + notes
        + " WHERE body = '\\'' UNION SELECT 1, CONCAT(user(), @@version, database()) -- '");

    assertEquals(List.of(), union);
    assertEquals(idsWhere(domain, "\\' OR 1=1 -- "::equals), everything);
    assertEquals(List.of(), serverFacts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.tributary.gateway.HostileMesh#domains")
  void numberDateTimestampAndBinaryLiteralsSelectExactlyTheirRowInsideTheStore(Domain domain) throws SQLException {
    HostileMesh.TypedRow first = HostileMesh.TYPED.get(0);
    String sql = "SELECT id FROM " + domain + ".typed WHERE amount = " + first.amount() + " AND on_day = DATE '" + first.day()
        + "' AND at_time = TIMESTAMP '" + first.at() + "' AND raw = X'" + first.rawHex() + "'";
    try (PushedDownSql sent = new PushedDownSql()) {
      assertEquals(List.of("1"), Rows.of(gateway, sql));
      String statement = sent.to(domain.storeTable("typed"));
      assertTrue(statement.contains("WHERE") && statement.contains(first.amount()) && statement.contains(first.day()),
          "compared inside the store: " + statement);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postgresDomains")
  void aNulCharacterBoundForPostgresqlIsRefusedNamingTheDomain(Domain domain) {
    SQLException refused = assertThrows(SQLException.class,
        () -> Rows.of(gateway, "SELECT id FROM " + domain + ".notes WHERE body = " + literal(HostileMesh.WITH_NUL)));

    assertEquals("22021", refused.getSQLState(), refused.getMessage());
    assertTrue(refused.getMessage().contains("domain `" + domain + "`") && refused.getMessage().contains("NUL"),
        refused.getMessage());
  }

  static List<Domain> postgresDomains() {
    return HostileMesh.DOMAINS.stream().filter(d -> d.family() == Family.POSTGRESQL).toList();
  }

  /** Runs {@code sql}, which must be answered by the store alone, and notes what went wrong. */
  private static void check(Domain domain, String sql, List<String> expected, List<String> renderings,
      List<String> problems) throws SQLException {
    String rendered = String.join(", ", renderings);
    try (PushedDownSql sent = new PushedDownSql()) {
      List<String> rows = Rows.of(gateway, sql);
      String statement = sent.to(domain.storeTable("notes"));
      if (!rows.equals(expected)) {
        problems.add(describe(rendered) + " selected " + rows + ", expected " + expected + "; the store received "
            + abbreviate(statement));
      } else if (!statement.contains("WHERE") || !renderings.stream().allMatch(statement::contains)) {
        problems.add(describe(rendered) + " did not reach the store as that one literal: " + abbreviate(statement));
      }
    } catch (SQLException e) {
      problems.add(describe(rendered) + " failed: " + e.getSQLState() + " " + abbreviate(e.getMessage()));
    }
  }

  private static List<String> values(Domain domain) {
    return HostileMesh.storedValues(domain.family());
  }

  /** The ids of the rows whose body satisfies {@code test}, as {@link Rows} prints them. */
  private static List<String> idsWhere(Domain domain, java.util.function.Predicate<String> test) {
    List<String> stored = values(domain);
    return IntStream.range(0, stored.size()).filter(i -> test.test(stored.get(i)))
        .mapToObj(i -> String.valueOf(i + 1)).toList();
  }

  /** The value as a standard SQL literal, which is how the gateway reads what users write. */
  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** What a LIKE pattern without ESCAPE means in SQL: % any run of characters, _ any one, the rest itself. */
  private static Pattern likeMeaning(String pattern) {
    Function<Integer, String> piece = c -> c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(Character.toString(c));
    return Pattern.compile(pattern.codePoints().boxed().map(piece).collect(Collectors.joining()), Pattern.DOTALL);
  }

  private static String describe(String value) {
    return "value " + abbreviate(value.replace("\0", "\\u0000").replace("\n", "\\n").replace("\r", "\\r"));
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " characters)";
  }

  private static Connection store(Family family) throws SQLException {
    return switch (family) {
      case POSTGRESQL -> DatabaseServers.postgres().connect(HostileMesh.DATABASE);
      case MARIADB -> DatabaseServers.mariadb().connect(HostileMesh.DATABASE);
      case H2 -> DriverManager.getConnection(HostileMesh.H2_URL);
    };
  }
}
