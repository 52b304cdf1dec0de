package io.tributary.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running database server the tests reach over TCP with the test login. Obtain one from
 * {@link DatabaseServers}; this class does not start anything itself.
 */
public final class DatabaseServer {

  /** Names tests may create and recreate; the prefix keeps a drop away from every real database. */
  public static final String TEST_DATABASE_PREFIX = "tributary_it_";

  // Lower case only, so PostgreSQL's case folding cannot make `CRM` and `crm` differ;
  // 63 characters is PostgreSQL's identifier limit (MariaDB allows 64).
  private static final Pattern TEST_DATABASE_NAME =
      Pattern.compile(Pattern.quote(TEST_DATABASE_PREFIX) + "[a-z0-9_]{1,50}");
  private static final int PORT_CHECK_TIMEOUT_MILLIS = 2_000;
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseServer.class);

  private final DatabaseEngine engine;
  private final String host;
  private final int port;
  private final String user;
  private final String password;

  DatabaseServer(DatabaseEngine engine, String host, int port, String user, String password) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.user = Objects.requireNonNull(user, "user");
    this.password = Objects.requireNonNull(password, "password");
  }

  public DatabaseEngine engine() {
    return engine;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public String jdbcUrl(String database) {
    return engine.jdbcUrl(host, port, database);
  }

  /** Opens a connection to {@code database} as the test login; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), user, password);
  }

  /**
   * Creates an empty database {@code name} owned by the test login, dropping any previous one of
   * that name first, so each test run starts from a known state.
   *
   * @return the JDBC URL of the new database
   * @throws IllegalArgumentException if {@code name} is not {@code tributary_it_[a-z0-9_]+}
   */
  public String createDatabase(String name) throws SQLException {
    requireTestDatabaseName(name);
    execute(engine.maintenanceDatabase(), engine.dropDatabase(name), engine.createDatabase(name));
    LOG.info("Created database {} on {}", name, this);
    return jdbcUrl(name);
  }

  /** Runs DDL or DML statements in order, each committed on its own, to set up test data. */
  public void execute(String database, String... sqlStatements) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : sqlStatements) {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          // The driver's message rarely says which statement or which server it came from.
          throw new SQLException("`" + sql + "` failed on " + jdbcUrl(database) + ": "
              + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
      }
    }
  }

  /** Why tests cannot use this server right now, or empty if the test login works. */
  Optional<String> problem() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), PORT_CHECK_TIMEOUT_MILLIS);
    } catch (IOException e) {
      return Optional.of(this + " does not accept connections: " + e.getMessage());
    }
    try (Connection connection = connect(engine.maintenanceDatabase())) {
      return connection.isValid(PORT_CHECK_TIMEOUT_MILLIS / 1000)
          ? Optional.empty()
          : Optional.of(this + " accepted login " + user + " but the connection is not usable");
    } catch (SQLException e) {
      return Optional.of(this + " refuses login " + user + ": " + e.getMessage());
    }
  }

  private static void requireTestDatabaseName(String name) {
    if (name == null || !TEST_DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Refusing to (re)create database `" + name
          + "`: test databases must be named " + TEST_DATABASE_PREFIX
          + "<lower-case letters, digits, _> (at most 63 characters), so that recreating one"
          + " can never drop a database that is not a test's");
    }
  }

  @Override
  public String toString() {
    return engine.displayName() + " at " + host + ":" + port;
  }
}
