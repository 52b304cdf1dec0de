package io.tributary.gateway.engine;

import io.tributary.adapter.spi.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own commands, written as SQL: {@code CALL tributary.cancel_query('<id>')} stops a
 * query listed in {@code tributary.queries}; {@code SET tributary.materializations = off} (or
 * {@code on}) says whether the session's statements may be answered from materializations, and
 * {@code SET tributary.max_staleness = '2s'} (or {@code DEFAULT}) bounds how stale one that answers
 * may be. A command runs when it is prepared and answers, through any door, with one row saying
 * what it did.
 */
final class AdminCommands {
  private static final Pattern CANCEL = Pattern.compile(
      "\\s*CALL\\s+\"?tributary\"?\\s*\\.\\s*\"?cancel_query\"?\\s*\\(\\s*'((?:[^']|'')*)'\\s*\\)\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern SET = Pattern.compile(
      "\\s*SET\\s+(?:SESSION\\s+)?\"?tributary\"?\\s*\\.\\s*\"?(materializations|max_staleness)\"?\\s*(?:=|TO)\\s*"
          + "(?:'((?:[^']|'')*)'|([A-Za-z0-9_]+))\\s*;?\\s*",
      Pattern.CASE_INSENSITIVE);

  private final Engine engine;

  AdminCommands(Engine engine) {
    this.engine = engine;
  }

  /** Runs {@code sql} if it is a command of {@code session}, and returns the query that answers with its outcome. */
  Optional<String> run(String sql, Session session) throws QueryException {
    Matcher set = SET.matcher(sql);
    if (set.matches()) {
      String value = (set.group(2) != null ? set.group(2).replace("''", "'") : set.group(3)).trim();
      String setting = set.group(1).toLowerCase(Locale.ROOT);
      String outcome = setting.equals("materializations") ? materializations(session, value) : maxStaleness(session, value);
      return Optional.of("SELECT * FROM (VALUES (" + literal("tributary." + setting) + ", " + literal(outcome)
          + ")) AS t (setting, outcome)");
    }
    Matcher cancel = CANCEL.matcher(sql);
    if (!cancel.matches()) {
      return Optional.empty();
    }
    String id = cancel.group(1).replace("''", "'");
    String outcome = engine.cancel(id);
    return Optional.of("SELECT * FROM (VALUES (" + literal(id) + ", " + literal(outcome) + ")) AS t (query_id, outcome)");
  }

  private static String materializations(Session session, String value) throws QueryException {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "default" -> session.useMaterializations(true);
      case "off", "false" -> session.useMaterializations(false);
      default -> throw new QueryException("tributary.materializations is on or off, not `" + value + "`",
          QueryException.INVALID_PARAMETER, null);
    }
    return "materializations " + (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false") ? "off" : "on");
  }

  private static String maxStaleness(Session session, String value) throws QueryException {
    if (value.equalsIgnoreCase("default")) {
      session.maxStaleness(Optional.empty());
      return "each materialization's own maxStaleness";
    }
    Duration bound = Durations.parse(value).filter(d -> !d.isNegative()).orElseThrow(() -> new QueryException(
        "tributary.max_staleness is a " + Durations.EXPECTED + ", or DEFAULT; not `" + value + "`",
        QueryException.INVALID_PARAMETER, null));
    session.maxStaleness(Optional.of(bound));
    return "materializations staler than " + DurationWords.of(bound) + " do not answer";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
