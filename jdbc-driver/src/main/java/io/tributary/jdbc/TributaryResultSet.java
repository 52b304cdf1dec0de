package io.tributary.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;

/**
 * Avatica's result set, whose warnings are those of the execution that produced it: its statement's
 * (shared with the statement, fetched once). A later execution closes it, so it never shows the
 * warnings of another. Clearing them here leaves the statement's.
 */
final class TributaryResultSet extends AvaticaResultSet {
  /**
   * The statement's; null only without a statement of this driver. A {@code DatabaseMetaData}
   * result set's statement never executes, so it reports none and fetches nothing.
   */
  private final StatementWarnings warnings;
  private volatile boolean cleared;

  TributaryResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      ResultSetMetaData metaData, TimeZone timeZone, Meta.Frame firstFrame, StatementWarnings warnings)
      throws SQLException {
    super(statement, state, signature, metaData, timeZone, firstFrame);
    this.warnings = warnings;
  }

  /** Avatica refuses every class here; see {@link TypedReads}. */
  @Override public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    return TypedReads.read(this, columnIndex, type);
  }

  @Override public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
    return getObject(findColumn(columnLabel), type);
  }

  /** Times and timestamps as PostgreSQL writes them; Avatica pads or cuts their fraction to the column's precision. */
  @Override public String getString(int columnIndex) throws SQLException {
    String text = super.getString(columnIndex);
    return text == null ? null : Objects.requireNonNullElse(TypedReads.text(this, columnIndex), text);
  }

  @Override public String getString(String columnLabel) throws SQLException {
    return getString(findColumn(columnLabel));
  }

  @Override public SQLWarning getWarnings() throws SQLException {
    super.getWarnings(); // throws if closed
    return warnings == null || cleared ? null : warnings.get();
  }

  @Override public void clearWarnings() throws SQLException {
    super.clearWarnings();
    cleared = true;
  }
}
