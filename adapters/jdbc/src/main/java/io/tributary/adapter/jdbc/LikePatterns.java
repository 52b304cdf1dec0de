package io.tributary.adapter.jdbc;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code LIKE} as the gateway means it, written for stores whose {@code LIKE} treats a backslash
 * as an escape character when the statement names none (PostgreSQL, MySQL, MariaDB, H2). In SQL,
 * and so in the gateway, {@code LIKE 'a\%'} without {@code ESCAPE} matches {@code a\} followed by
 * anything; those stores would match only {@code a%}, so the same pattern would select other rows
 * depending on where it runs.
 */
final class LikePatterns {
  private static final String BACKSLASH = "\\";

  private LikePatterns() {}

  /** How a store switches its default escape off for a pattern that is not a literal. */
  enum NoEscape {
    /** {@code ESCAPE ''} (PostgreSQL, H2). */
    EMPTY_ESCAPE,
    /** MySQL refuses {@code ESCAPE ''} under {@code NO_BACKSLASH_ESCAPES}: escape the pattern's backslashes instead. */
    ESCAPED_PATTERN
  }

  /**
   * The call to write instead of {@code call}, or {@code call} itself when it already says its
   * escape character or is not a {@code LIKE}. A literal pattern gets its backslashes doubled (it
   * then means to the store what it means here); any other pattern is neutralised as
   * {@code noEscape} says.
   */
  static SqlCall asStoreMeansIt(SqlCall call, NoEscape noEscape) {
    if (call.getKind() != SqlKind.LIKE || call.operandCount() != 2) {
      return call;
    }
    SqlNode value = call.operand(0);
    SqlNode pattern = call.operand(1);
    SqlParserPos pos = call.getParserPosition();
    if (pattern instanceof SqlCharStringLiteral literal) {
      String text = literal.getValueAs(String.class);
      return text.contains(BACKSLASH)
          ? call.getOperator().createCall(pos, value, SqlLiteral.createCharString(text.replace(BACKSLASH, BACKSLASH + BACKSLASH), pos))
          : call;
    }
    return switch (noEscape) {
      case EMPTY_ESCAPE -> call.getOperator().createCall(pos, value, pattern, SqlLiteral.createCharString("", pos));
      case ESCAPED_PATTERN -> call.getOperator().createCall(pos, value,
          SqlStdOperatorTable.REPLACE.createCall(pos, pattern, SqlLiteral.createCharString(BACKSLASH, pos),
              SqlLiteral.createCharString(BACKSLASH + BACKSLASH, pos)));
    };
  }
}
