package io.tributary.gateway.engine.dialect;

import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL's casts {@code x::type} written as {@code CAST(x AS type)} before parsing. In
 * PostgreSQL {@code ::} binds to the operand right before it, tighter than any operator
 * ({@code a / b::numeric} casts {@code b}); Calcite's Babel parser casts the whole expression
 * parsed so far ({@code (a / b)::numeric}) and parses the rest around that cast
 * ({@code a < b::date AND c} would compare an AND), so its {@code ::} is never left to it.
 */
final class InfixCasts {
  /** Words before a parenthesis that are not a function's name: {@code a AND (b)::int} casts {@code (b)}. */
  private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in", "is", "like", "ilike",
      "between", "when", "then", "else", "case", "select", "where", "on", "by", "having", "exists", "any", "all",
      "some", "as", "from", "join", "distinct", "values", "over", "filter", "within", "array");
  /** Words before a string that make one literal with it: {@code DATE '2024-01-01'::text}. */
  private static final Set<String> LITERAL_TYPES = Set.of("date", "time", "timestamp", "e");

  private InfixCasts() {}

  /** {@code sql} with each {@code ::} cast written with {@code CAST}. */
  static String standard(String sql) {
    String text = sql;
    int from = 0;
    while (true) {
      SqlText lexed = new SqlText(text);
      int cast = nextCast(lexed, from);
      if (cast < 0) {
        return text;
      }
      int start = operandStart(lexed, cast);
      int end = new TypeName(text, cast + 2).end();
      if (start < 0 || end <= cast + 2) {
        from = cast + 2; // not a cast this can read: the parser will say what is wrong
        continue;
      }
      String operand = text.substring(start, cast).strip();
      String type = text.substring(cast + 2, end).strip();
      // '3 days'::interval is an interval literal, which IntervalLiterals then reads.
      String written = type.equalsIgnoreCase("interval") && operand.startsWith("'")
          ? "INTERVAL " + operand : "CAST(" + operand + " AS " + type + ")";
      from = start + written.length();
      text = text.substring(0, start) + written + text.substring(end);
    }
  }

  private static int nextCast(SqlText text, int from) {
    for (int i = text.sql().indexOf("::", from); i >= 0; i = text.sql().indexOf("::", i + 1)) {
      if (text.isCode(i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Where the operand right before {@code ::} starts: a name (perhaps qualified or quoted), a
   * number, a literal, a parameter, a parenthesised expression, a function call, a CASE, an
   * indexed element; -1 if there is none.
   */
  private static int operandStart(SqlText text, int cast) {
    String sql = text.sql();
    int i = text.previousNonBlank(cast);
    while (i >= 0 && sql.charAt(i) == ']' && text.opening(i) >= 0) {
      i = text.previousNonBlank(text.opening(i));
    }
    if (i < 0) {
      return -1;
    }
    char c = sql.charAt(i);
    if (c == ')' && text.opening(i) >= 0) {
      int open = text.opening(i);
      int name = text.previousNonBlank(open);
      return name >= 0 && SqlText.isWordChar(sql.charAt(name)) && text.isCode(name)
          && !OPERATOR_WORDS.contains(wordEnding(sql, name)) ? qualifiedStart(text, wordStart(sql, name)) : open;
    }
    if (c == '\'' && text.opening(i) >= 0) {
      int open = text.opening(i);
      int type = text.previousNonBlank(open);
      return type >= 0 && SqlText.isWordChar(sql.charAt(type)) && LITERAL_TYPES.contains(wordEnding(sql, type))
          ? wordStart(sql, type) : open;
    }
    if (c == '"' && text.opening(i) >= 0) {
      return qualifiedStart(text, text.opening(i));
    }
    if (c == '?') {
      return i;
    }
    if (!SqlText.isWordChar(c)) {
      return -1;
    }
    return wordEnding(sql, i).equals("end") ? caseStart(text, wordStart(sql, i)) : qualifiedStart(text, wordStart(sql, i));
  }

  /** The start of a name whose last part starts at {@code start}: {@code s.t.c}, {@code "s"."t"}, {@code 1.5}. */
  private static int qualifiedStart(SqlText text, int start) {
    String sql = text.sql();
    int dot = text.previousNonBlank(start);
    while (dot >= 0 && sql.charAt(dot) == '.' && text.isCode(dot)) {
      int part = text.previousNonBlank(dot);
      if (part >= 0 && sql.charAt(part) == '"' && text.opening(part) >= 0) {
        start = text.opening(part);
      } else if (part >= 0 && SqlText.isWordChar(sql.charAt(part))) {
        start = wordStart(sql, part);
      } else {
        break;
      }
      dot = text.previousNonBlank(start);
    }
    return start;
  }

  /** The CASE that the END starting at {@code end} closes. */
  private static int caseStart(SqlText text, int end) {
    String sql = text.sql();
    int depth = 0;
    for (int i = end; i >= 0; i--) {
      if (!text.isCode(i) || !SqlText.isWordChar(sql.charAt(i)) || i > 0 && SqlText.isWordChar(sql.charAt(i - 1))) {
        continue;
      }
      String word = sql.substring(i, SqlText.wordEnd(sql, i)).toLowerCase(Locale.ROOT);
      if (word.equals("end")) {
        depth++;
      } else if (word.equals("case") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String wordEnding(String sql, int last) {
    return sql.substring(wordStart(sql, last), last + 1).toLowerCase(Locale.ROOT);
  }

  private static int wordStart(String sql, int last) {
    int start = last;
    while (start > 0 && SqlText.isWordChar(sql.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  /**
   * A type name after {@code ::}: one word or two ({@code double precision}, {@code character
   * varying}), a length or precision, {@code with[out] time zone}, array brackets.
   */
  private static final class TypeName {
    private final String sql;
    private int end;

    TypeName(String sql, int from) {
      this.sql = sql;
      this.end = from;
      String first = word();
      if (first.isEmpty()) {
        return;
      }
      if (first.equals("double")) {
        optionalWords("precision");
      } else if (first.equals("character") || first.equals("char") || first.equals("bit")) {
        optionalWords("varying");
      }
      optionalParentheses();
      if (first.equals("timestamp") || first.equals("time")) {
        if (!optionalWords("with", "time", "zone")) {
          optionalWords("without", "time", "zone");
        }
      }
      while (sql.startsWith("[]", SqlText.skipBlank(sql, end))) {
        end = SqlText.skipBlank(sql, end) + 2;
      }
    }

    int end() {
      return end;
    }

    /** Reads the next word, moving past it; empty if none. */
    private String word() {
      int start = SqlText.skipBlank(sql, end);
      int stop = SqlText.wordEnd(sql, start);
      if (stop > start) {
        end = stop;
      }
      return sql.substring(start, stop).toLowerCase(Locale.ROOT);
    }

    /** Moves past these words if they come next. */
    private boolean optionalWords(String... words) {
      int mark = end;
      for (String expected : words) {
        if (!word().equals(expected)) {
          end = mark;
          return false;
        }
      }
      return true;
    }

    private void optionalParentheses() {
      int open = SqlText.skipBlank(sql, end);
      if (open < sql.length() && sql.charAt(open) == '(') {
        int close = sql.indexOf(')', open);
        end = close < 0 ? sql.length() : close + 1;
      }
    }
  }
}
