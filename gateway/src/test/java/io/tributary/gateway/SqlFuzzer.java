package io.tributary.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Hostile SQL over the tables of {@link FederatedMesh}, from a small grammar and a fixed seed, so
 * that every run sends the same statements and a failure found once is found again. Most
 * statements are nearly right, since those reach deepest into the gateway: valid queries of every
 * shape, the same cut short or laced with odd characters; the rest are the inputs a careless or
 * malicious client sends: writes, several statements at once, nesting thousands deep, megabyte
 * literals, ten-thousand-item IN lists and token soup.
 */
final class SqlFuzzer {
  /** What a statement is meant to probe; the test tallies its outcomes by kind. */
  enum Kind { VALID, TRUNCATED, ODD_CHARACTERS, WRITE, SEVERAL, TOKEN_SOUP, DEEP, HUGE_LITERAL, HUGE_IN_LIST }

  record Statement(int number, Kind kind, String sql) {
    /** The statement as a person can read it in a failure message: its start and its size. */
    String shown() {
      String flat = sql.replace('\n', ' ');
      return "#" + number + " " + kind + " (" + sql.length() + " chars): "
          + (flat.length() > 300 ? flat.substring(0, 300) + "..." : flat);
    }
  }

  private record Table(String name, String alias, List<String> numbers, List<String> texts, List<String> dates) {}

  private static final Table CUSTOMERS = new Table("customers.customers", "c", List.of("id"),
      List.of("name", "email", "country"), List.of("signed_up"));
  private static final Table ORDERS = new Table("orders.orders", "o", List.of("id", "customer_id", "total"),
      List.of("status"), List.of("ordered_on"));
  private static final Table HISTORY = new Table("orders.order_history", "h", List.of("id", "customer_id", "total"),
      List.of("status"), List.of("ordered_on"));
  private static final List<Table> TABLES = List.of(CUSTOMERS, ORDERS, HISTORY);
  /** Tables a statement may name but the gateway must not serve or touch: unpublished, or in a store that is down. */
  private static final List<String> FORBIDDEN = List.of("customers.customer_secrets", "orders.payment_tokens",
      "archive.invoices", "customers", "pg_catalog.pg_user", "information_schema.tables", "tributary.queries",
      "tributary.domains", "mysql.user");
  private static final List<String> ODD = List.of("\u0000", "\uD800", "\uDFFF", "\uD83D\uDE00", "\u202E", "\u200B",
      "\uFEFF", "e\u0301", "\u4E2D\u6587", "\\", "'", "\"", "`", "--", "/*", "*/", "\r\n", "\t", "\u00A0", "\uFFFF",
      "%", "_", "$1", "?", "\u0007");
  private static final List<String> SOUP = List.of("SELECT", "FROM", "WHERE", "JOIN", "ON", "GROUP", "BY", "ORDER",
      "HAVING", "UNION", "ALL", "WITH", "AS", "CASE", "WHEN", "THEN", "END", "NOT", "NULL", "AND", "OR", "IN",
      "EXISTS", "OVER", "PARTITION", "LIMIT", "OFFSET", "FETCH", "VALUES", "LATERAL", "UNNEST", "TABLE", "CAST",
      "INTERVAL", "DATE", "TIMESTAMP", "*", ",", "(", ")", ".", ";", "=", "<>", "+", "-", "/", "||", "?", "'x'",
      "''", "1", "0", "-1", "1e999", "9223372036854775808", "NULL", "customers", "orders", "customers.customers",
      "orders.orders", "id", "name", "total", "\"\"", "\"id\"", "TRUE", "ARRAY", "[", "]", "MAP", "ROW", "ESCAPE",
      "MATCH_RECOGNIZE", "TABLESAMPLE", "FOR", "SYSTEM_TIME", "DEFAULT", "CURSOR");
  private static final List<String> FUNCTIONS = List.of("ABS(%s)", "MOD(%s, 7)", "FLOOR(%s)", "CEIL(%s)",
      "COALESCE(%s, 0)", "NULLIF(%s, 3)", "(%s) * 2", "(%s) + 1", "(%s) / 3", "-(%s)", "CAST(%s AS VARCHAR(20))",
      "CAST(%s AS DOUBLE)");

  private final Random random;
  private int number;

  SqlFuzzer(long seed) {
    random = new Random(seed);
  }

  /** {@code count} statements: each kind in a fixed share, the heavy ones (deep, huge) about one in a hundred together. */
  List<Statement> statements(int count) {
    List<Statement> statements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      statements.add(next());
    }
    return statements;
  }

  private Statement next() {
    int roll = random.nextInt(1000);
    Kind kind = roll < 250 ? Kind.VALID : roll < 400 ? Kind.TRUNCATED : roll < 520 ? Kind.ODD_CHARACTERS
        : roll < 620 ? Kind.WRITE : roll < 680 ? Kind.SEVERAL : roll < 986 ? Kind.TOKEN_SOUP
        : roll < 993 ? Kind.DEEP : roll < 996 ? Kind.HUGE_LITERAL : Kind.HUGE_IN_LIST;
    String sql = switch (kind) {
      case VALID -> query();
      case TRUNCATED -> truncated(query());
      case ODD_CHARACTERS -> odd();
      case WRITE -> write();
      case SEVERAL -> several();
      case TOKEN_SOUP -> soup();
      case DEEP -> deep();
      case HUGE_LITERAL -> hugeLiteral();
      case HUGE_IN_LIST -> hugeInList();
    };
    return new Statement(++number, kind, sql);
  }

  // Valid queries: every shape an analyst writes, each bounded so the stores answer in milliseconds.

  String query() {
    return switch (random.nextInt(9)) {
      case 0 -> join();
      case 1 -> aggregate();
      case 2 -> subQuery();
      case 3 -> window();
      case 4 -> "WITH t AS (" + simple() + ") SELECT * FROM t" + (random.nextBoolean() ? " ORDER BY 1" : "");
      case 5 -> setOperation();
      case 6 -> "SELECT " + pick(FUNCTIONS).formatted("v.x") + " FROM (VALUES (1), (2), (3)) AS v (x)";
      case 7 -> {
        Table t = pick(TABLES);
        yield "SELECT * FROM " + t.name() + " " + t.alias() + " WHERE " + predicate(t, 0) + " LIMIT 5";
      }
      default -> simple();
    };
  }

  private String simple() {
    Table t = pick(TABLES);
    return "SELECT " + columns(t) + " FROM " + t.name() + " " + t.alias() + " WHERE " + bounded(t) + " AND "
        + predicate(t, 1) + (random.nextBoolean() ? " ORDER BY 1" : "") + " LIMIT " + (1 + random.nextInt(50));
  }

  private String join() {
    Table orders = random.nextBoolean() ? ORDERS : HISTORY;
    String kind = pick(List.of("JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "INNER JOIN"));
    return "SELECT " + columns(CUSTOMERS) + ", " + columns(orders) + " FROM " + CUSTOMERS.name() + " c " + kind + " "
        + orders.name() + " " + orders.alias() + " ON c.id = " + orders.alias() + ".customer_id WHERE "
        + bounded(orders) + " AND " + bounded(CUSTOMERS) + " AND " + predicate(orders, 1) + " LIMIT 20";
  }

  private String aggregate() {
    Table t = pick(TABLES);
    String group = t.alias() + "." + pick(t.texts());
    String aggregate = pick(List.of("count(*)", "sum(%s)", "avg(%s)", "min(%s)", "max(%s)", "count(DISTINCT %s)"))
        .formatted(t.alias() + "." + pick(t.numbers()));
    return "SELECT " + group + ", " + aggregate + " FROM " + t.name() + " " + t.alias() + " WHERE " + bounded(t)
        + " GROUP BY " + group + (random.nextBoolean() ? " HAVING count(*) > " + random.nextInt(3) : "")
        + " ORDER BY 2 DESC";
  }

  private String subQuery() {
    String inner = "SELECT customer_id FROM orders.orders o WHERE " + bounded(ORDERS) + " AND " + predicate(ORDERS, 1);
    return switch (random.nextInt(3)) {
      case 0 -> "SELECT c.name FROM customers.customers c WHERE c.id IN (" + inner + ") LIMIT 10";
      case 1 -> "SELECT c.id, (SELECT max(o.total) FROM orders.orders o WHERE o.customer_id = c.id) AS top"
          + " FROM customers.customers c WHERE " + bounded(CUSTOMERS);
      default -> "SELECT c.id FROM customers.customers c WHERE " + (random.nextBoolean() ? "NOT " : "")
          + "EXISTS (SELECT 1 FROM orders.orders o WHERE o.customer_id = c.id AND " + bounded(ORDERS) + ") AND "
          + bounded(CUSTOMERS);
    };
  }

  private String window() {
    Table t = pick(TABLES);
    String function = pick(List.of("row_number()", "rank()", "dense_rank()", "sum(%s)", "avg(%s)", "lag(%s)"))
        .formatted(t.alias() + "." + pick(t.numbers()));
    return "SELECT " + t.alias() + ".id, " + function + " OVER (PARTITION BY " + t.alias() + "." + pick(t.texts())
        + " ORDER BY " + t.alias() + ".id) AS w FROM " + t.name() + " " + t.alias() + " WHERE " + bounded(t);
  }

  private String setOperation() {
    String operator = pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT"));
    return "SELECT c.id FROM customers.customers c WHERE " + bounded(CUSTOMERS) + " " + operator
        + " SELECT o.customer_id FROM orders.orders o WHERE " + bounded(ORDERS);
  }

  /** A filter on the key that keeps what the store sends small. */
  private String bounded(Table t) {
    return t.alias() + ".id <= " + (1 + random.nextInt(300));
  }

  private String columns(Table t) {
    List<String> all = new ArrayList<>(t.numbers());
    all.addAll(t.texts());
    all.addAll(t.dates());
    return IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> t.alias() + "." + pick(all))
        .distinct().collect(Collectors.joining(", "));
  }

  private String predicate(Table t, int depth) {
    String column = t.alias() + "." + pick(t.numbers());
    String text = t.alias() + "." + pick(t.texts());
    String date = t.alias() + "." + pick(t.dates());
    return switch (depth > 3 ? random.nextInt(6) : random.nextInt(9)) {
      case 0 -> numberExpression(t, depth) + " " + pick(List.of("=", "<", ">", "<=", ">=", "<>")) + " "
          + random.nextInt(2000);
      case 1 -> column + " BETWEEN " + random.nextInt(100) + " AND " + random.nextInt(3000);
      case 2 -> text + (random.nextBoolean() ? " LIKE '" : " NOT LIKE '") + pick(List.of("C%", "%1", "_a%", "pa%d", "%"))
          + "'";
      case 3 -> text + (random.nextBoolean() ? " IS NULL" : " IS NOT NULL");
      case 4 -> column + " IN (" + random.nextInt(50) + ", " + random.nextInt(50) + ", " + random.nextInt(50) + ")";
      case 5 -> date + " > DATE '202" + random.nextInt(6) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9) + "'";
      case 6 -> "(" + predicate(t, depth + 1) + " OR " + predicate(t, depth + 1) + ")";
      case 7 -> "NOT (" + predicate(t, depth + 1) + ")";
      default -> predicate(t, depth + 1) + " AND " + predicate(t, depth + 1);
    };
  }

  private String numberExpression(Table t, int depth) {
    String column = t.alias() + "." + pick(t.numbers());
    if (depth > 2 || random.nextInt(3) == 0) {
      return column;
    }
    return switch (random.nextInt(3)) {
      case 0 -> pick(FUNCTIONS).formatted(numberExpression(t, depth + 1));
      case 1 -> "CASE WHEN " + column + " > " + random.nextInt(100) + " THEN " + numberExpression(t, depth + 1)
          + " ELSE " + random.nextInt(10) + " END";
      default -> "(" + numberExpression(t, depth + 1) + " " + pick(List.of("+", "-", "*", "/", "%")) + " "
          + (random.nextInt(5)) + ")";
    };
  }

  // Nearly right, and plainly wrong.

  private String truncated(String sql) {
    return sql.substring(0, 1 + random.nextInt(sql.length() - 1));
  }

  private String odd() {
    String odd = IntStream.range(0, 1 + random.nextInt(3)).mapToObj(i -> pick(ODD)).collect(Collectors.joining());
    return switch (random.nextInt(5)) {
      case 0 -> "SELECT count(*) FROM customers.customers WHERE name = '" + odd.replace("'", "''") + "'";
      case 1 -> "SELECT count(*) FROM orders.orders WHERE status " + pick(List.of("=", "<", "LIKE")) + " '"
          + odd.replace("'", "''") + "'";
      case 2 -> "SELECT \"" + odd.replace("\"", "\"\"") + "\" FROM customers.customers";
      case 3 -> "SELECT '" + odd.replace("'", "''") + "' AS " + pick(List.of("x", "\"" + odd.replace("\"", "") + "\""));
      default -> insert(query(), odd);
    };
  }

  private String write() {
    Table t = pick(TABLES);
    String target = random.nextInt(4) == 0 ? pick(FORBIDDEN) : t.name();
    return pick(List.<Supplier<String>>of(
        () -> "INSERT INTO " + target + " VALUES (" + random.nextInt(10_000) + ", 'x', NULL, 'DE', DATE '2024-01-01', TRUE)",
        () -> "INSERT INTO " + target + " SELECT * FROM " + t.name(),
        () -> "UPDATE " + target + " SET id = id + 1" + (random.nextBoolean() ? " WHERE id = 1" : ""),
        () -> "DELETE FROM " + target + (random.nextBoolean() ? "" : " WHERE " + predicate(t, 2).replace(t.alias() + ".", "")),
        () -> "MERGE INTO " + target + " USING " + t.name() + " s ON (s.id = " + target + ".id) WHEN MATCHED THEN DELETE",
        () -> "DROP TABLE " + target, () -> "DROP SCHEMA " + target.split("\\.")[0] + " CASCADE",
        () -> "CREATE TABLE " + target + "_copy AS SELECT * FROM " + t.name(), () -> "TRUNCATE TABLE " + target,
        () -> "ALTER TABLE " + target + " ADD COLUMN pwned INT", () -> "GRANT ALL ON " + target + " TO PUBLIC",
        () -> "REVOKE SELECT ON " + target + " FROM analyst", () -> "COMMENT ON TABLE " + target + " IS 'x'",
        () -> "CREATE VIEW v AS SELECT * FROM " + t.name(), () -> "SET ROLE postgres",
        () -> "BEGIN", () -> "COMMIT", () -> "ROLLBACK", () -> "LOCK TABLE " + target,
        () -> "SELECT * FROM " + target + " FOR UPDATE",
        () -> "CALL tributary.cancel_query('q-' || (SELECT 1))", () -> "CALL sys.shutdown()",
        () -> "SELECT pg_sleep(60)", () -> "SELECT sleep(60)", () -> "SELECT pg_terminate_backend(1)",
        () -> "COPY customers TO '/tmp/x'", () -> "SELECT * INTO OUTFILE '/tmp/x' FROM " + t.name(),
        () -> "SELECT count(*) FROM customers.customers WHERE name = 'x''; DROP TABLE customers; --'",
        () -> "SELECT count(*) FROM orders.orders WHERE status = 'x\\'; DROP TABLE orders; -- '")).get();
  }

  private String several() {
    List<Supplier<String>> parts = List.of(this::query, this::write, this::soup);
    return IntStream.range(0, 2 + random.nextInt(3)).mapToObj(i -> pick(parts).get())
        .collect(Collectors.joining(pick(List.of(";", "; ", ";\n", " ; ")), "", random.nextBoolean() ? ";" : ""));
  }

  private String soup() {
    return IntStream.range(0, 1 + random.nextInt(40)).mapToObj(i -> pick(SOUP)).collect(Collectors.joining(" "));
  }

  // Inputs whose size is the attack.

  private String deep() {
    int depth = pick(List.of(200, 1_000, 5_000, 20_000));
    String table = pick(TABLES).name();
    return switch (random.nextInt(8)) {
      case 0 -> "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth);
      case 1 -> "SELECT * FROM " + "(SELECT * FROM ".repeat(depth) + table + ") t".repeat(depth) + " LIMIT 1";
      case 2 -> "SELECT " + "(SELECT ".repeat(depth) + "1" + ")".repeat(depth);
      case 3 -> "SELECT " + "ABS(".repeat(depth) + "-1" + ")".repeat(depth);
      case 4 -> "SELECT 1 WHERE " + "NOT ".repeat(depth) + "TRUE";
      case 5 -> "SELECT " + "1 + ".repeat(depth) + "1";
      case 6 -> "SELECT CASE " + "WHEN 1 = 1 THEN CASE ".repeat(depth) + "WHEN TRUE THEN 1" + " END".repeat(depth + 1);
      default -> "SELECT id FROM " + table + " WHERE " + IntStream.range(0, depth).mapToObj(i -> "id = " + i)
          .collect(Collectors.joining(" OR "));
    };
  }

  private String hugeLiteral() {
    String megabyte = pick(List.of("x", "\u00e9", "'", "\u0000", "9")).repeat(1 << 20);
    String quoted = "'" + megabyte.replace("'", "''") + "'";
    return switch (random.nextInt(5)) {
      case 0 -> "SELECT count(*) FROM customers.customers WHERE name = " + quoted;
      case 1 -> "SELECT count(*) FROM orders.orders WHERE status = " + quoted;
      case 2 -> "SELECT length(" + quoted + ")";
      case 3 -> "SELECT " + "9".repeat(1 << 20) + " AS n";
      default -> "SELECT \"" + "y".repeat(1 << 20) + "\" FROM customers.customers";
    };
  }

  private String hugeInList() {
    boolean text = random.nextBoolean();
    String items = IntStream.range(0, 10_000).mapToObj(i -> text ? "'s" + i + "'" : Integer.toString(i))
        .collect(Collectors.joining(", "));
    return text
        ? "SELECT count(*) FROM orders.orders WHERE status " + (random.nextBoolean() ? "NOT " : "") + "IN (" + items + ")"
        : "SELECT count(*) FROM " + pick(TABLES).name() + " WHERE id " + (random.nextBoolean() ? "NOT " : "") + "IN (" + items + ")";
  }

  private String insert(String sql, String what) {
    int at = random.nextInt(sql.length() + 1);
    return sql.substring(0, at) + what + sql.substring(at);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
