package io.tributary.gateway.engine.dialect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The text of one statement, read as PostgreSQL's lexer reads it: what is inside string
 * literals, quoted names and comments is not SQL. Maps parser positions back to the text.
 */
final class SqlText {
  private final String sql;
  private final int[] lineStarts;
  /** For each closing parenthesis in the SQL, where its opening one is. */
  private final Map<Integer, Integer> openings = new HashMap<>();

  SqlText(String sql) {
    this.sql = sql;
    this.lineStarts = lineStarts(sql);
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < sql.length()) {
      int skipped = skipNonCode(sql, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      if (sql.charAt(i) == '(') {
        open.push(i);
      } else if (sql.charAt(i) == ')' && !open.isEmpty()) {
        openings.put(i, open.pop());
      }
      i++;
    }
  }

  /**
   * Where the string literal, quoted name or comment starting at {@code i} ends; {@code i} itself
   * when none starts there.
   */
  static int skipNonCode(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        j++;
      }
      return sql.length();
    }
    if (sql.startsWith("--", i)) {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline + 1;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    return i;
  }

  String sql() {
    return sql;
  }

  /** The index in the text where a parser position starts. */
  int start(SqlParserPos pos) {
    return offset(pos.getLineNum(), pos.getColumnNum());
  }

  /** The index of the last character of the text before {@code index} that is not blank, or -1. */
  int previousNonBlank(int index) {
    int i = index - 1;
    while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
      i--;
    }
    return i;
  }

  /** Where the parenthesis closed at {@code index} opens, or -1 if no parenthesis closes there. */
  int opening(int index) {
    return openings.getOrDefault(index, -1);
  }

  private int offset(int line, int column) {
    return line < 1 || line > lineStarts.length ? -1 : lineStarts[line - 1] + column - 1;
  }

  private static int[] lineStarts(String sql) {
    int lines = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int line = 1;
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
