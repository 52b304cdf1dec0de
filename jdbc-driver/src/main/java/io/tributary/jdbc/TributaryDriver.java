package io.tributary.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;

/**
 * JDBC driver for the Tributary gateway: {@code jdbc:tributary://host[:port][;key=value]...}.
 *
 * <p>A thin layer over Avatica's remote driver: the URL becomes Avatica's remote settings
 * ({@code url=http://host:port;serialization=protobuf} plus the URL's properties), while the
 * connection keeps the Tributary URL the user gave. Avatica's client-side load balancing is not
 * offered: a load balancer in front of the gateways plays that part. Errors the gateway answers
 * with keep its message, SQLSTATE and code (see {@link TributaryConnection}), and statements report
 * the gateway's warnings (see {@link StatementWarnings}).
 */
public class TributaryDriver extends Driver {

  static {
    new TributaryDriver().register();
  }

  /** Called by Avatica's constructor: Avatica's factory, making this driver's statements and result sets. */
  @Override protected AvaticaFactory createFactory() {
    return new TributaryFactory(super.createFactory());
  }

  @Override protected String getConnectStringPrefix() {
    return TributaryUrl.PREFIX;
  }

  @Override protected DriverVersion createDriverVersion() {
    return DriverVersion.load(TributaryDriver.class, "io/tributary/jdbc/tributary-jdbc.properties",
        "Tributary JDBC Driver", "unknown version", "Tributary", "unknown version");
  }

  /**
   * Opens a session on the gateway. Unlike Avatica's {@code connect}, the URL is not parsed as
   * {@code key=value} pairs, and the session is opened with all settings, including the URL's.
   */
  @Override public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    TributaryUrl target = TributaryUrl.parse(url);
    Properties settings = target.toAvaticaSettings(info);
    AvaticaConnection connection = new TributaryConnection(this, factory, url, settings);
    handler.onConnectionInit(connection);
    try {
      connection.getService().apply(new Service.OpenConnectionRequest(connection.id,
          Service.OpenConnectionRequest.serializeProperties(settings)));
    } catch (RuntimeException e) {
      throw sessionRefused(target, e);
    }
    return connection;
  }

  private static SQLException sessionRefused(TributaryUrl target, RuntimeException e) {
    if (e.getCause() instanceof IOException unreachable) {
      return new SQLException("cannot reach the Tributary gateway at " + target.serverUrl() + ": "
          + unreachable + "; check that the gateway is running and its JDBC door listens there",
          "08001", e);
    }
    // The gateway's own reason (53300: too many sessions) tells the client more than "rejected" does.
    String sqlState = e instanceof AvaticaClientRuntimeException answer && answer.getSqlState() != null
        && !ErrorResponse.UNKNOWN_SQL_STATE.equals(answer.getSqlState()) ? answer.getSqlState() : "08004";
    return new SQLException("the Tributary gateway at " + target.serverUrl()
        + " refused the session: " + e.getMessage(), sqlState, e);
  }
}
