package io.tributary.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Avatica's JDBC 4.1 factory, except that statements, prepared statements and result sets are the
 * driver's own, which answer {@code getWarnings()} with the gateway's warnings (see
 * {@link StatementWarnings}).
 *
 * <p>Avatica creates every statement and result set through its factory, also those behind
 * {@code DatabaseMetaData}, so replacing them here needs no wrapper objects: {@code unwrap},
 * {@code ResultSet.getStatement()} and Avatica's own casts keep working. Avatica's factory is
 * package-private, so this one wraps it and makes only these three itself.
 */
final class TributaryFactory implements AvaticaFactory {
  private final AvaticaFactory avatica;

  TributaryFactory(AvaticaFactory avatica) {
    this.avatica = avatica;
  }

  @Override public int getJdbcMajorVersion() {
    return avatica.getJdbcMajorVersion();
  }

  @Override public int getJdbcMinorVersion() {
    return avatica.getJdbcMinorVersion();
  }

  /** Unused: {@link TributaryDriver#connect} makes its {@link TributaryConnection} itself. */
  @Override public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info) throws SQLException {
    return avatica.newConnection(driver, factory, url, info);
  }

  @Override public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h,
      int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
    return new TributaryStatement(connection, h, resultSetType, resultSetConcurrency, resultSetHoldability);
  }

  @Override public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection,
      Meta.StatementHandle h, Meta.Signature signature, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return new TributaryPreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override public AvaticaResultSet newResultSet(AvaticaStatement statement, QueryState state,
      Meta.Signature signature, TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    return new TributaryResultSet(statement, state, signature, newResultSetMetaData(statement, signature),
        timeZone, firstFrame, warningsOf(statement));
  }

  @Override public AvaticaSpecificDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new TributaryDatabaseMetaData(connection);
  }

  @Override public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
      throws SQLException {
    return avatica.newResultSetMetaData(statement, signature);
  }

  private static StatementWarnings warningsOf(AvaticaStatement statement) {
    if (statement instanceof TributaryStatement plain) {
      return plain.warnings;
    }
    return statement instanceof TributaryPreparedStatement prepared ? prepared.warnings : null;
  }
}
