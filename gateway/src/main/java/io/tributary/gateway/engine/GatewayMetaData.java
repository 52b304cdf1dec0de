package io.tributary.gateway.engine;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;

/**
 * The gateway's {@code DatabaseMetaData}: Calcite's, except where the gateway knows better —
 * keys from the data products' contracts ({@link TableKeys}), the four table types it lists, one
 * catalog ({@value Engine#CATALOG}) named on every row and the only one that lists anything, and
 * names stored in lower case. Both doors ask it, so they answer the same.
 *
 * <p>A proxy, because {@code DatabaseMetaData} has some 180 methods of which a handful change,
 * and Calcite's implementation cannot be extended (its connection class is package-private).
 * {@link #connection} gives Avatica's server, which asks a {@link Connection} for its metadata, a
 * connection whose metadata is this.
 */
final class GatewayMetaData implements InvocationHandler {
  /** The listings whose first argument is a catalog and second a schema pattern. */
  private static final Set<String> PATTERN_CALLS = Set.of("getSchemas", "getTables", "getColumns");
  /** Matches no schema: how a listing in another catalog than the gateway's comes out empty, with its columns. */
  private static final String NO_SCHEMA = "";

  /** JDBC lists table types in alphabetical order. */
  private static final List<Object[]> TABLE_TYPES = List.of(new Object[] {"SYSTEM TABLE"}, new Object[] {"SYSTEM VIEW"},
      new Object[] {"TABLE"}, new Object[] {"VIEW"});

  private final Connection connection;
  private final DatabaseMetaData calcite;
  private final TableKeys keys;

  private GatewayMetaData(Connection connection) throws SQLException {
    this.connection = connection;
    this.calcite = connection.getMetaData();
    this.keys = new TableKeys(connection.unwrap(CalciteConnection.class).getRootSchema().unwrap(CalciteSchema.class));
  }

  /** {@code session}, whose {@code getMetaData()} is the gateway's; everything else is the session's connection. */
  static Connection connection(Connection session) throws SQLException {
    DatabaseMetaData meta = (DatabaseMetaData) Proxy.newProxyInstance(GatewayMetaData.class.getClassLoader(),
        new Class<?>[] {DatabaseMetaData.class}, new GatewayMetaData(session));
    return (Connection) Proxy.newProxyInstance(GatewayMetaData.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) ->
            method.getName().equals("getMetaData") ? meta : forward(session, method, args));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    return switch (name) {
      case "getPrimaryKeys" -> keys.primaryKeys((String) args[1], (String) args[2]);
      case "getImportedKeys" -> keys.imported((String) args[1], (String) args[2]);
      case "getExportedKeys" -> keys.exported((String) args[1], (String) args[2]);
      case "getCrossReference" -> keys.crossReference((String) args[1], (String) args[2], (String) args[4],
          (String) args[5]);
      case "getTableTypes" -> MetaRows.of(List.of(new MetaRows.Column("TABLE_TYPE", Types.VARCHAR)), TABLE_TYPES);
      case "storesLowerCaseIdentifiers" -> true;
      case "storesUpperCaseIdentifiers", "storesMixedCaseIdentifiers", "supportsMixedCaseIdentifiers" -> false;
      case "getConnection" -> connection;
      default -> PATTERN_CALLS.contains(name) ? inGatewayCatalog(method, args) : forward(calcite, method, args);
    };
  }

  /**
   * Calcite names on each row the catalog it was asked for, and ignores it otherwise: the gateway
   * names its own, and lists nothing in any other.
   */
  private Object inGatewayCatalog(Method method, Object[] args) throws Throwable {
    if (args == null) { // getSchemas()
      return calcite.getSchemas(Engine.CATALOG, null);
    }
    Object[] asked = args.clone();
    if (asked[0] != null && !Engine.CATALOG.equals(asked[0])) {
      asked[1] = NO_SCHEMA;
    }
    asked[0] = Engine.CATALOG;
    return forward(calcite, method, asked);
  }

  private static Object forward(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
