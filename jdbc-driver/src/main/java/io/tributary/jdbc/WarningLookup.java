package io.tributary.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;

/**
 * Reads, on the connection's own gateway session, the warnings the gateway recorded for one
 * statement's latest execution: the rows of {@code tributary.warnings} with that statement's id.
 *
 * <p>One internal statement, made on first use and closed with the connection, runs every look-up:
 * a plain statement's execution is one round trip, and if the gateway has dropped it (idle
 * statements expire) Avatica makes a new one and retries, where a prepared statement would fail.
 * The id is an int, so inlining it is safe. The internal statement does not feed back: nothing ever
 * asks for its own warnings, and the gateway records none for it, since {@code tributary.warnings}
 * is not a degraded table.
 *
 * <p>A gateway older than the {@code statement_id} column (or than {@code tributary.warnings})
 * refuses the look-up; then this connection reports no warnings, as Avatica's driver did, and stops
 * asking.
 */
final class WarningLookup {
  private static final String QUERY = "SELECT warning FROM tributary.warnings WHERE statement_id = ";
  /** SQLSTATE class 01 is "warning"; the gateway's warnings carry no more precise state. */
  private static final String WARNING_STATE = "01000";

  private final AvaticaConnection connection;
  private Statement lookup;
  private boolean refused;

  WarningLookup(AvaticaConnection connection) {
    this.connection = connection;
  }

  /** The warnings of statement {@code statementId}'s latest execution, oldest first, or null. */
  synchronized SQLWarning of(int statementId) throws SQLException {
    if (refused) {
      return null;
    }
    if (lookup == null || lookup.isClosed()) {
      lookup = connection.createStatement();
    }
    SQLWarning chain = null;
    try (ResultSet rows = lookup.executeQuery(QUERY + statementId)) {
      while (rows.next()) {
        SQLWarning warning = new SQLWarning(rows.getString(1), WARNING_STATE);
        if (chain == null) {
          chain = warning;
        } else {
          chain.setNextWarning(warning);
        }
      }
    } catch (SQLException e) {
      if (!(e.getCause() instanceof AvaticaClientRuntimeException)) {
        throw e; // not the gateway's answer (unreachable, connection closed): the caller should know
      }
      refused = true;
      return null;
    }
    return chain;
  }
}
