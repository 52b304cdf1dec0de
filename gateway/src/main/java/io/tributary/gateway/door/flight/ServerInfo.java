package io.tributary.gateway.door.flight;

import io.tributary.gateway.Gateway;
import io.tributary.gateway.engine.Caller;
import io.tributary.gateway.engine.Door;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.Session;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.SqlInfoBuilder;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedCaseSensitivity;
import org.apache.arrow.flight.sql.impl.FlightSql.SqlSupportedTransaction;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * GetSqlInfo: what the server is and can do, read once from the engine's {@code DatabaseMetaData}
 * where the engine decides (quoting, keywords, functions) and stated here where the door does.
 */
final class ServerInfo {
  private final SqlInfoBuilder builder = new SqlInfoBuilder();
  /** SqlInfoBuilder fails the whole request on an id it was not given; clients may ask for any. */
  private final Set<Integer> provided = new HashSet<>();

  private ServerInfo() {}

  static ServerInfo of(Engine engine) throws SQLException {
    ServerInfo info = new ServerInfo();
    try (Session session = engine.openSession(new Caller(null, Door.FLIGHT, ""))) {
      info.describe(session.metadata());
    }
    return info;
  }

  /** Of the requested entries, those the server can answer. */
  List<Integer> known(List<Integer> requested) {
    return requested.stream().filter(provided::contains).toList();
  }

  /** Sends the given entries, or all of them when none are named. */
  void send(List<Integer> entries, ServerStreamListener listener) {
    builder.send(entries, listener);
  }

  private void describe(DatabaseMetaData meta) throws SQLException {
    set(SqlInfo.FLIGHT_SQL_SERVER_NAME, b -> b.withFlightSqlServerName("Tributary"));
    set(SqlInfo.FLIGHT_SQL_SERVER_VERSION, b -> b.withFlightSqlServerVersion(versionOf(Gateway.class)));
    set(SqlInfo.FLIGHT_SQL_SERVER_ARROW_VERSION, b -> b.withFlightSqlServerArrowVersion(versionOf(ArrowType.class)));
    set(SqlInfo.FLIGHT_SQL_SERVER_READ_ONLY, b -> b.withFlightSqlServerReadOnly(true));
    set(SqlInfo.FLIGHT_SQL_SERVER_SQL, b -> b.withFlightSqlServerSql(true));
    set(SqlInfo.FLIGHT_SQL_SERVER_SUBSTRAIT, b -> b.withFlightSqlServerSubstrait(false));
    set(SqlInfo.FLIGHT_SQL_SERVER_TRANSACTION,
        b -> b.withFlightSqlServerTransaction(SqlSupportedTransaction.SQL_SUPPORTED_TRANSACTION_NONE));
    set(SqlInfo.FLIGHT_SQL_SERVER_CANCEL, b -> b.withFlightSqlServerCancel(true));
    set(SqlInfo.SQL_DDL_CATALOG, b -> b.withSqlDdlCatalog(false));
    set(SqlInfo.SQL_DDL_SCHEMA, b -> b.withSqlDdlSchema(false));
    set(SqlInfo.SQL_DDL_TABLE, b -> b.withSqlDdlTable(false));
    set(SqlInfo.SQL_TRANSACTIONS_SUPPORTED, b -> b.withSqlTransactionsSupported(false));
    // Names are stored in lower case; unquoted and quoted ones match case-insensitively (see the engine's session).
    SqlSupportedCaseSensitivity unquoted = meta.storesLowerCaseIdentifiers()
        ? SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_LOWERCASE
        : SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE;
    set(SqlInfo.SQL_IDENTIFIER_CASE, b -> b.withSqlIdentifierCase(unquoted));
    set(SqlInfo.SQL_QUOTED_IDENTIFIER_CASE,
        b -> b.withSqlQuotedIdentifierCase(SqlSupportedCaseSensitivity.SQL_CASE_SENSITIVITY_CASE_INSENSITIVE));
    String quote = meta.getIdentifierQuoteString();
    set(SqlInfo.SQL_IDENTIFIER_QUOTE_CHAR, b -> b.withSqlIdentifierQuoteChar(quote));
    String escape = meta.getSearchStringEscape();
    set(SqlInfo.SQL_SEARCH_STRING_ESCAPE, b -> b.withSqlSearchStringEscape(escape));
    set(SqlInfo.SQL_SCHEMA_TERM, b -> b.withSqlSchemaTerm("domain"));
    String[] keywords = meta.getSQLKeywords().split(",");
    set(SqlInfo.SQL_KEYWORDS, b -> b.withSqlKeywords(keywords));
    String[] numeric = meta.getNumericFunctions().split(",");
    set(SqlInfo.SQL_NUMERIC_FUNCTIONS, b -> b.withSqlNumericFunctions(numeric));
    String[] strings = meta.getStringFunctions().split(",");
    set(SqlInfo.SQL_STRING_FUNCTIONS, b -> b.withSqlStringFunctions(strings));
    String[] dates = meta.getTimeDateFunctions().split(",");
    set(SqlInfo.SQL_DATETIME_FUNCTIONS, b -> b.withSqlDatetimeFunctions(dates));
    String[] system = meta.getSystemFunctions().split(",");
    set(SqlInfo.SQL_SYSTEM_FUNCTIONS, b -> b.withSqlSystemFunctions(system));
  }

  private void set(SqlInfo info, Consumer<SqlInfoBuilder> value) {
    value.accept(builder);
    provided.add(info.getNumber());
  }

  /** The version in the jar's manifest; classes run from a build directory have none. */
  private static String versionOf(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
