package io.tributary.gateway.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own commands, written as SQL calls: {@code CALL tributary.cancel_query('<id>')}
 * stops a query listed in {@code tributary.queries}. A command runs when it is prepared and
 * answers, through any door, with one row saying what it did.
 */
final class AdminCommands {
  private static final Pattern CANCEL = Pattern.compile(
      "\\s*CALL\\s+\"?tributary\"?\\s*\\.\\s*\"?cancel_query\"?\\s*\\(\\s*'((?:[^']|'')*)'\\s*\\)\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private final Engine engine;

  AdminCommands(Engine engine) {
    this.engine = engine;
  }

  /** Runs {@code sql} if it is a command, and returns the query that answers with its outcome. */
  Optional<String> run(String sql) {
    Matcher cancel = CANCEL.matcher(sql);
    if (!cancel.matches()) {
      return Optional.empty();
    }
    String id = cancel.group(1).replace("''", "'");
    String outcome = engine.cancel(id);
    return Optional.of("SELECT * FROM (VALUES (" + literal(id) + ", " + literal(outcome) + ")) AS t (query_id, outcome)");
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
