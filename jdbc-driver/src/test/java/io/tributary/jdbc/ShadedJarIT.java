package io.tributary.jdbc;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the shaded jar as a BI tool sees it: loaded alone in its own class loader (nothing from
 * this module's class path), talking protobuf to a live Avatica server.
 */
class ShadedJarIT {

  private static final Path JAR = Path.of(System.getProperty("tributary.jdbc.jar"));

  private static URLClassLoader isolated;

  @BeforeAll
  static void loadJarAlone() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "run after package: " + JAR);
    isolated = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
  }

  @AfterAll
  static void closeLoader() throws IOException {
    isolated.close();
  }

  @Test
  void jarAnnouncesOnlyTheTributaryDriver() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<JarEntry> entries = jar.stream()
          .filter(e -> e.getName().equals("META-INF/services/java.sql.Driver")).toList();
      assertEquals(1, entries.size());
      String content = new String(jar.getInputStream(entries.get(0)).readAllBytes(), StandardCharsets.UTF_8);
      assertEquals("io.tributary.jdbc.TributaryDriver", content.strip());
    }
    List<String> providers = ServiceLoader.load(Driver.class, isolated).stream()
        .filter(p -> p.type().getClassLoader() == isolated)
        .map(p -> p.type().getName()).toList();
    assertEquals(List.of("io.tributary.jdbc.TributaryDriver"), providers);
  }

  @Test
  void thirdPartyClassesAreRelocated() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> classes = jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class")).toList();
      List<String> stray = classes.stream()
          .filter(n -> !n.startsWith("io/tributary/jdbc/") && !n.startsWith("org/apache/calcite/avatica/"))
          .toList();
      assertAll(
          () -> assertEquals(List.of(), stray, "classes outside our package and Avatica's"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/com/google/protobuf/")), "protobuf bundled"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/com/fasterxml/jackson/")), "jackson bundled"),
          () -> assertTrue(classes.stream().anyMatch(
              n -> n.startsWith("io/tributary/jdbc/shaded/org/apache/hc/")), "httpclient bundled"),
          () -> assertFalse(classes.stream().anyMatch(n -> n.contains("/slf4j/impl/")
              || n.contains("org/slf4j/simple/") || n.contains("/slf4j/reload4j/")), "no slf4j provider"));
    }
  }

  @Test
  void driverLoadsAloneAndAcceptsTributaryUrls() throws Exception {
    Driver driver = isolatedDriver();

    assertAll(
        () -> assertEquals(isolated, driver.getClass().getClassLoader()),
        () -> assertTrue(driver.acceptsURL("jdbc:tributary://h:1")),
        () -> assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://h:1")));
  }

  @Test
  void queryRunsThroughTheShadedJarAgainstALiveAvaticaServer() throws Exception {
    HttpServer server = startServer(new JdbcMeta("jdbc:h2:mem:shaded_it"));
    String url = "jdbc:tributary://127.0.0.1:" + server.getPort() + ";user=alice";
    try (Connection connection = isolatedDriver().connect(url, new Properties());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery(
             "SELECT CURRENT_USER, CAST(X AS INT) FROM SYSTEM_RANGE(1, 3) ORDER BY X")) {
      DatabaseMetaData metaData = connection.getMetaData();
      assertAll(
          () -> assertEquals("Tributary JDBC Driver", metaData.getDriverName()),
          () -> assertEquals(System.getProperty("tributary.version"), metaData.getDriverVersion()),
          () -> assertEquals(url, metaData.getURL()));
      int count = 0;
      while (rows.next()) {
        count++;
        assertEquals("ALICE", rows.getString(1), "the URL's user reached the server");
        assertEquals(count, rows.getInt(2));
      }
      assertEquals(3, count);
    } finally {
      server.stop();
    }
  }

  @Test
  void failedPrepareCarriesTheServersMessageStateAndCode() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway()) {
      SQLException e = assertThrows(SQLException.class,
          () -> gateway.connection.prepareStatement("SELECT * FROM orders.ordrs"));

      assertIsTheServersError(e, RefusingMeta.MISSING_TABLE, "42P01", 4201);
    }
  }

  @Test
  void failedStatementQueryCarriesTheServersMessageAndTheConnectionStillAnswers() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway();
         Statement statement = gateway.connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.executeQuery("SELECT * FROM orders.ordrs"));

      assertIsTheServersError(e, RefusingMeta.MISSING_TABLE, "42P01", 4201);
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertTrue(rows.next());
        assertEquals(1, rows.getInt(1));
      }
    }
  }

  @Test
  void failedStatementExecuteCarriesTheServersMessage() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway();
         Statement statement = gateway.connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> statement.execute("SELECT * FROM orders.ordrs"));

      assertIsTheServersError(e, RefusingMeta.MISSING_TABLE, "42P01", 4201);
    }
  }

  @Test
  void failedPreparedQueryCarriesTheServersMessageStateAndCode() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway();
         PreparedStatement statement = gateway.connection.prepareStatement("SELECT CAST(? AS VARCHAR)")) {
      statement.setString(1, "ordrs");

      SQLException e = assertThrows(SQLException.class, statement::executeQuery);

      assertIsTheServersError(e, RefusingMeta.MISSING_TABLE, "42P01", 4201);
    }
  }

  @Test
  void failedBatchesCarryTheServersMessage() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway();
         Statement statement = gateway.connection.createStatement();
         PreparedStatement prepared = gateway.connection.prepareStatement("SELECT CAST(? AS VARCHAR)")) {
      statement.addBatch("DELETE FROM orders.orders");
      prepared.setString(1, "a");
      prepared.addBatch();

      SQLException fromStatement = assertThrows(SQLException.class, statement::executeBatch);
      SQLException fromPrepared = assertThrows(SQLException.class, prepared::executeBatch);

      assertIsTheServersError(fromStatement, RefusingMeta.READ_ONLY, "25006", 2506);
      assertIsTheServersError(fromPrepared, RefusingMeta.READ_ONLY, "25006", 2506);
    }
  }

  @Test
  void failedFetchOfALaterFrameCarriesTheServersMessage() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway();
         PreparedStatement statement = gateway.connection.prepareStatement(
             "SELECT X FROM SYSTEM_RANGE(1, 5)")) {
      statement.setFetchSize(2);
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next(), "the first frame arrives");

        // Avatica fetches the next frame ahead, while the first frame's last row is read.
        SQLException e = assertThrows(SQLException.class, () -> {
          while (rows.next()) {
            // read on until the fetch fails
          }
        });

        assertIsTheServersError(e, RefusingMeta.DOMAIN_GONE, "08006", 8006);
      }
    }
  }

  @Test
  void failedMetadataCallCarriesTheServersMessage() throws Exception {
    try (RefusingGateway gateway = new RefusingGateway()) {
      DatabaseMetaData metaData = gateway.connection.getMetaData();

      SQLException e = assertThrows(SQLException.class, () -> metaData.getTables(null, "orders", "%", null));

      assertIsTheServersError(e, RefusingMeta.MISSING_TABLE, "42P01", 4201);
    }
  }

  @Test
  void statementsFetchTheGatewaysWarningsForTheirLatestExecutionOnlyWhenAsked() throws Exception {
    try (WarningGateway gateway = new WarningGateway(true);
         Statement statement = gateway.connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT 'stale' AS X")) {
        assertEquals(0, gateway.meta.lookups.get(), "executing fetches no warnings");
        assertStale(statement.getWarnings());
        assertStale(rows.getWarnings());
        assertStale(statement.getWarnings());
        assertEquals(1, gateway.meta.lookups.get(), "fetched once per execution, shared with the result set");
        rows.clearWarnings();
        assertNull(rows.getWarnings());
        assertStale(statement.getWarnings());
      }
      statement.clearWarnings();
      assertNull(statement.getWarnings());
      assertTrue(statement.execute("SELECT 'fresh' AS X"));
      assertNull(statement.getWarnings(), "the new execution read nothing degraded");

      try (PreparedStatement prepared = gateway.connection.prepareStatement("SELECT 'stale', CAST(? AS INT)")) {
        prepared.setInt(1, 1);
        prepared.executeQuery().close();
        assertStale(prepared.getWarnings());
        prepared.clearWarnings();
        assertNull(prepared.getWarnings());
        assertTrue(prepared.execute());
        assertStale(prepared.getWarnings());
      }
      int before = gateway.meta.lookups.get();
      try (ResultSet tables = gateway.connection.getMetaData().getTables(null, null, "%", null)) {
        assertNull(tables.getWarnings());
      }
      assertEquals(before, gateway.meta.lookups.get(), "metadata result sets ask for nothing");
    }
  }

  @Test
  void aServerWithoutStatementWarningsReportsNoneAndIsAskedOnce() throws Exception {
    try (WarningGateway gateway = new WarningGateway(false);
         Statement statement = gateway.connection.createStatement()) {
      statement.executeQuery("SELECT 'stale' AS X").close();
      assertNull(statement.getWarnings());
      statement.executeQuery("SELECT 'stale' AS X").close();
      assertNull(statement.getWarnings());
      assertEquals(1, gateway.meta.lookups.get());
      try (ResultSet rows = statement.executeQuery("SELECT 1")) {
        assertTrue(rows.next(), "the connection still answers");
      }
    }
  }

  private static void assertStale(SQLWarning warning) {
    assertAll(
        () -> assertEquals(WarningMeta.STALE, warning == null ? null : warning.getMessage()),
        () -> assertEquals("01000", warning.getSQLState()),
        () -> assertNull(warning.getNextWarning()));
  }

  private static void assertIsTheServersError(SQLException e, String message, String sqlState, int code) {
    assertAll(
        () -> assertEquals(message, e.getMessage()),
        () -> assertEquals(sqlState, e.getSQLState()),
        () -> assertEquals(code, e.getErrorCode()),
        () -> assertEquals("org.apache.calcite.avatica.AvaticaClientRuntimeException",
            e.getCause() == null ? null : e.getCause().getClass().getName(), "the original error is the cause"));
  }

  /** A live server answering like the gateway, through the shaded driver. */
  private static final class RefusingGateway implements AutoCloseable {
    final HttpServer server;
    final Connection connection;

    RefusingGateway() throws Exception {
      server = startServer(new RefusingMeta("jdbc:h2:mem:refusing_it"));
      try {
        connection = isolatedDriver().connect("jdbc:tributary://127.0.0.1:" + server.getPort(), new Properties());
      } catch (Exception e) {
        server.stop();
        throw e;
      }
    }

    @Override public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        server.stop();
      }
    }
  }

  /**
   * Refuses as the gateway does: an {@link AvaticaRuntimeException} with the message, code and
   * SQLSTATE the user should see.
   */
  private static final class RefusingMeta extends JdbcMeta {
    static final String MISSING_TABLE = "Table `ordrs` is not published by domain `orders` (owner: checkout); "
        + "did you mean `orders`? Published tables: orders";
    static final String DOMAIN_GONE = "domain `orders` became unreachable while the query ran";
    static final String READ_ONLY = "the gateway is read-only: batches are refused";

    RefusingMeta(String url) throws SQLException {
      super(url);
    }

    private static AvaticaRuntimeException missingTable() {
      return new AvaticaRuntimeException(MISSING_TABLE, 4201, "42P01", AvaticaSeverity.ERROR);
    }

    @Override public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
      if (sql.contains("ordrs")) {
        throw missingTable();
      }
      return super.prepare(ch, sql, maxRowCount);
    }

    @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
        int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
      if (sql.contains("ordrs")) {
        throw missingTable();
      }
      return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    }

    @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
        int maxRowsInFirstFrame) throws NoSuchStatementException {
      if (parameterValues.stream().anyMatch(v -> "ordrs".equals(v.value))) {
        throw missingTable();
      }
      return super.execute(h, parameterValues, maxRowsInFirstFrame);
    }

    @Override public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) {
      throw new AvaticaRuntimeException(DOMAIN_GONE, 8006, "08006", AvaticaSeverity.ERROR);
    }

    private static AvaticaRuntimeException readOnly() {
      return new AvaticaRuntimeException(READ_ONLY, 2506, "25006", AvaticaSeverity.ERROR);
    }

    @Override public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
      throw readOnly();
    }

    @Override public ExecuteBatchResult executeBatchProtobuf(StatementHandle h,
        List<Requests.UpdateBatch> updateBatches) {
      throw readOnly();
    }

    @Override public MetaResultSet getTables(ConnectionHandle ch, String catalog, Pat schemaPattern,
        Pat tableNamePattern, List<String> typeList) {
      throw missingTable();
    }
  }

  /** A live server that records warnings as the gateway does, through the shaded driver. */
  private static final class WarningGateway implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    final WarningMeta meta;
    final HttpServer server;
    final Connection connection;

    WarningGateway(boolean offersWarnings) throws Exception {
      meta = new WarningMeta("jdbc:h2:mem:warnings_it_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
          offersWarnings);
      server = startServer(meta);
      connection = isolatedDriver().connect("jdbc:tributary://127.0.0.1:" + server.getPort(), new Properties());
    }

    @Override public void close() throws SQLException {
      try {
        connection.close();
      } finally {
        server.stop();
        meta.store.close();
      }
    }
  }

  /**
   * Keeps {@code tributary.warnings} as the gateway does: each execution replaces its statement's
   * warnings, and a query mentioning {@code 'stale'} reads a degraded table. Without the table, it
   * stands for a gateway older than statement warnings.
   */
  private static final class WarningMeta extends JdbcMeta {
    static final String STALE = "domain `logistics`: Kafka at k:9092 unreachable; logistics.parcels shows the last known state";

    final AtomicInteger lookups = new AtomicInteger();
    final Connection store;
    private final boolean offersWarnings;

    WarningMeta(String url, boolean offersWarnings) throws SQLException {
      super(url);
      this.offersWarnings = offersWarnings;
      store = DriverManager.getConnection(url);
      if (offersWarnings) {
        try (Statement ddl = store.createStatement()) {
          ddl.execute("CREATE SCHEMA tributary");
          ddl.execute("CREATE TABLE tributary.warnings (statement_id INT, warning VARCHAR(500))");
        }
      }
    }

    @Override public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
        int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
      if (sql.contains("tributary.warnings")) {
        lookups.incrementAndGet();
      }
      ExecuteResult result = super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
      record(h.id, sql);
      return result;
    }

    @Override public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues,
        int maxRowsInFirstFrame) throws NoSuchStatementException {
      ExecuteResult result = super.execute(h, parameterValues, maxRowsInFirstFrame);
      record(h.id, h.signature == null ? "" : h.signature.sql);
      return result;
    }

    private void record(int statementId, String sql) {
      if (!offersWarnings) {
        return;
      }
      try (PreparedStatement delete = store.prepareStatement("DELETE FROM tributary.warnings WHERE statement_id = ?");
           PreparedStatement insert = store.prepareStatement("INSERT INTO tributary.warnings VALUES (?, ?)")) {
        delete.setInt(1, statementId);
        delete.executeUpdate();
        if (sql.contains("'stale'")) {
          insert.setInt(1, statementId);
          insert.setString(2, STALE);
          insert.executeUpdate();
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static HttpServer startServer(Meta meta) {
    HttpServer server = new HttpServer.Builder<Server>()
        .withHandler(new LocalService(meta), org.apache.calcite.avatica.remote.Driver.Serialization.PROTOBUF)
        .withPort(0)
        .withServerCustomizers(List.<ServerCustomizer<Server>>of(ShadedJarIT::bindLoopback), Server.class)
        .build();
    server.start();
    return server;
  }

  private static Driver isolatedDriver() throws ReflectiveOperationException {
    Class<?> type = Class.forName("io.tributary.jdbc.TributaryDriver", true, isolated);
    return (Driver) type.getConstructor().newInstance();
  }

  private static void bindLoopback(Server server) {
    for (var connector : server.getConnectors()) {
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
  }
}
