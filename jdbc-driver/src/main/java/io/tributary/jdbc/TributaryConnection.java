package io.tributary.jdbc;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;
import org.apache.calcite.avatica.util.Casing;

/**
 * Avatica's connection, except that an error the gateway answers with reaches the caller as an
 * {@link SQLException} whose message, SQLSTATE and error code are the gateway's.
 *
 * <p>Avatica loses the gateway's message: its {@code Helper.createException} builds the
 * exception's text from its own context ("while preparing SQL: ..."), which is all a failed
 * {@code prepareStatement} shows, and it cannot be replaced. So the gateway's error becomes its
 * final {@link SQLException} where every remote call passes, {@link #invokeWithRetries}, and is
 * thrown from there although that method does not declare it. Every JDBC method that reaches the
 * gateway declares {@link SQLException}, and Avatica's code between them only lets runtime
 * exceptions by, so the exception arrives unchanged (metadata calls unwrap it themselves) except
 * where Avatica wraps whatever it catches: those two methods are overridden below.
 *
 * <p>It also holds the session's {@link WarningLookup}, through which statements fetch the
 * gateway's warnings.
 */
final class TributaryConnection extends AvaticaConnection {

  /** How Avatica's {@code ErrorResponse.toException} prefixes the gateway's message. */
  private static final String AVATICA_PREFIX = "Remote driver error: ";
  private static final int CANCEL_TIMEOUT_MILLIS = 10_000;

  private final WarningLookup warnings = new WarningLookup(this);

  TributaryConnection(UnregisteredDriver driver, AvaticaFactory factory, String url, Properties info) {
    super(driver, factory, url, info);
    // Avatica's client answers storesUpperCaseIdentifiers() and the like from these, not from the
    // server, and assumes upper case: the gateway keeps names in lower case and matches them
    // regardless of case, quoted or not.
    properties.put(InternalProperty.UNQUOTED_CASING, Casing.TO_LOWER);
    properties.put(InternalProperty.CASE_SENSITIVE, false);
  }

  /** Where this session's statements fetch the gateway's warnings for their latest execution. */
  WarningLookup warnings() {
    return warnings;
  }

  /**
   * Stops what statement {@code statementId} runs, over a request of its own beside the running one.
   *
   * @throws SQLException (08006) when the gateway cannot be reached
   */
  void cancel(int statementId) throws SQLException {
    String target = info.getProperty("url") + "/tributary/cancel?connection="
        + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&statement=" + statementId;
    try {
      HttpURLConnection request = (HttpURLConnection) URI.create(target).toURL().openConnection();
      request.setRequestMethod("POST");
      request.setConnectTimeout(CANCEL_TIMEOUT_MILLIS);
      request.setReadTimeout(CANCEL_TIMEOUT_MILLIS);
      request.setDoOutput(true);
      request.getOutputStream().close();
      request.getResponseCode(); // 200: stopped; 404: nothing ran any more
      request.disconnect();
    } catch (IOException e) {
      throw new SQLException("cancelling the statement failed: the gateway at " + info.getProperty("url")
          + " did not answer (" + e.getMessage() + ")", "08006", e);
    }
  }

  /** Avatica's retries (transparent reconnection) run first; only their final error is replaced. */
  @Override public <T> T invokeWithRetries(CallableWithoutException<T> callable) {
    try {
      return super.invokeWithRetries(callable);
    } catch (AvaticaClientRuntimeException e) {
      throw TributaryConnection.<RuntimeException>sneakyThrow(gatewayError(e));
    }
  }

  /** Catches {@code Exception} around {@code Meta.execute}: runs prepared statements and metadata. */
  @Override protected ResultSet executeQueryInternal(AvaticaStatement statement, Meta.Signature signature,
      Meta.Frame firstFrame, QueryState state, boolean isUpdate) throws SQLException {
    try {
      return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
    } catch (SQLException e) {
      throw unwrapGatewayError(e);
    }
  }

  /** Catches {@code Exception} around {@code Meta.executeBatch}. */
  @Override protected long[] executeBatchUpdateInternal(AvaticaPreparedStatement statement)
      throws SQLException {
    try {
      return super.executeBatchUpdateInternal(statement);
    } catch (SQLException e) {
      throw unwrapGatewayError(e);
    }
  }

  /** The gateway's error as the caller sees it; Avatica's exception, with the server's stack, is its cause. */
  private static SQLException gatewayError(AvaticaClientRuntimeException e) {
    String message = e.getMessage();
    if (message != null && message.startsWith(AVATICA_PREFIX)) {
      message = message.substring(AVATICA_PREFIX.length());
    }
    return new SQLException(message, e.getSqlState(), e.getErrorCode(), e);
  }

  /** The gateway's error that Avatica wrapped in {@code e}, or {@code e} if it holds none. */
  private static SQLException unwrapGatewayError(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException error && error.getCause() instanceof AvaticaClientRuntimeException) {
        return error;
      }
    }
    return e;
  }

  /** Throws a checked exception from a method that does not declare it. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }
}
