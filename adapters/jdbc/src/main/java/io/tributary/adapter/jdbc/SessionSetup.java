package io.tributary.adapter.jdbc;

import java.util.List;

/**
 * The session settings a store's SQL dialect relies on, pinned on every new connection to the
 * store: how the gateway renders a literal is safe only under the settings it was written for, and
 * a store's server-wide defaults (MySQL's {@code sql_mode}, PostgreSQL's
 * {@code standard_conforming_strings}) are the store owner's to choose, not ours to assume.
 *
 * @param statements run in order, in auto-commit, right after the connection opens
 * @param check a query answering one row whose first column is true exactly when the settings hold
 * @param promise what the settings are, in words, for the error when they do not hold
 */
public record SessionSetup(List<String> statements, String check, String promise) {
  /** For stores whose literals mean the same under every setting. */
  public static final SessionSetup NONE = new SessionSetup(List.of(), null, "");

  public SessionSetup {
    statements = List.copyOf(statements);
  }

  boolean isNone() {
    return statements.isEmpty() && check == null;
  }
}
