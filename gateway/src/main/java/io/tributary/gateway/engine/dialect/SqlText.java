package io.tributary.gateway.engine.dialect;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of one statement, read as PostgreSQL's lexer reads it: what is inside string
 * literals, quoted names and comments is not SQL. Knows where each bracket, literal and quoted
 * name that ends somewhere starts. Its static readers serve any check of a statement's text.
 */
public final class SqlText {
  private final String sql;
  /** For each closing parenthesis or bracket, and each closing quote, where its opening one is. */
  private final Map<Integer, Integer> openings = new HashMap<>();
  private final boolean[] code;

  SqlText(String sql) {
    this.sql = sql;
    this.code = new boolean[sql.length()];
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < sql.length()) {
      int skipped = skipNonCode(sql, i);
      if (skipped > i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
          openings.put(skipped - 1, i);
        }
        i = skipped;
        continue;
      }
      code[i] = true;
      char c = sql.charAt(i);
      if (c == '(' || c == '[') {
        open.push(i);
      } else if ((c == ')' || c == ']') && !open.isEmpty()) {
        openings.put(i, open.pop());
      }
      i++;
    }
  }

  /**
   * Where the string literal, quoted name or comment starting at {@code i} ends; {@code i} itself
   * when none starts there.
   */
  public static int skipNonCode(String sql, int i) {
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

  /** Whether the character at {@code index} is SQL, not part of a literal, a quoted name or a comment. */
  boolean isCode(int index) {
    return index >= 0 && index < code.length && code[index];
  }

  /** Where the bracket, literal or quoted name closed at {@code index} opens, or -1. */
  int opening(int index) {
    return openings.getOrDefault(index, -1);
  }

  /** The index of the last character before {@code index} that is not blank, or -1. */
  int previousNonBlank(int index) {
    int i = index - 1;
    while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
      i--;
    }
    return i;
  }

  /** The index of the first character of {@code sql} from {@code from} on that is not blank. */
  static int skipBlank(String sql, int from) {
    int i = from;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where the word starting at {@code from} ends ({@code from} itself if none starts there). */
  public static int wordEnd(String sql, int from) {
    int i = from;
    while (i < sql.length() && isWordChar(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
