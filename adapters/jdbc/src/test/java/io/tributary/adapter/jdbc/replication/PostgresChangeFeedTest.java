package io.tributary.adapter.jdbc.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.jdbc.PostgresAdapter;
import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.RowChange;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL change feed against the real server: what a follower is told, in which order, and
 * what it leaves in the store. Every slot the tests make is dropped after each test, passed or failed:
 * a forgotten slot keeps the shared server's WAL forever.
 */
class PostgresChangeFeedTest {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeedTest.class);
  private static final String DATABASE = "tributary_it_changes";
  private static final String NO_REPLICATION_LOGIN = "tributary_test_norepl";
  private static final List<String> ORDERS = List.of("orders");

  private static DatabaseServer postgres;
  private static String url;

  private final List<DomainSource> sources = new ArrayList<>();
  private final List<ChangeSubscription> subscriptions = new ArrayList<>();

  @BeforeAll
  static void createDatabase() throws SQLException {
    postgres = DatabaseServers.postgres();
    dropSlotsOfTestDatabase(); // a crashed run's slots would stop the database being recreated
    url = postgres.createDatabase(DATABASE);
  }

  @BeforeEach
  void createTables() throws SQLException {
    postgres.execute(DATABASE,
        "DROP TABLE IF EXISTS orders, customers, audit, unkeyed",
        "CREATE TABLE orders (id int PRIMARY KEY, customer text, amount numeric(10,2), placed date,"
            + " at timestamp, atz timestamptz, paid boolean, qty int2, big int8, ratio float4, score float8,"
            + " code char(3), note varchar(20), other interval)",
        "CREATE TABLE customers (id int PRIMARY KEY, name text)",
        "CREATE TABLE audit (id int PRIMARY KEY, what text)",
        "CREATE TABLE unkeyed (what text)");
  }

  @AfterEach
  void dropSlots() throws SQLException {
    subscriptions.forEach(ChangeSubscription::close);
    sources.forEach(DomainSource::close);
    dropSlotsOfTestDatabase();
  }

  @Test
  void insertsUpdatesAndDeletesArriveInCommitOrderWithTypedValuesAndIncreasingPositions() throws Exception {
    RecordingListener listener = new RecordingListener();
    Instant before = Instant.now().minusSeconds(1);
    follow("typed", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE,
        "INSERT INTO orders VALUES (1, 'ada', 12.50, '2024-02-29', '2024-02-29 13:14:15.123456',"
            + " '2024-02-29 13:14:15.5+02', true, 7, 9000000000, 0.5, 2.25, 'ab', 'first', '1 day')",
        "INSERT INTO orders (id) VALUES (2)",
        "UPDATE orders SET amount = 13.75 WHERE id = 1",
        "UPDATE orders SET id = 3 WHERE id = 2",
        "DELETE FROM orders WHERE id = 1");
    List<ChangeBatch> batches = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batches.add(listener.nextBatch());
    }
    Object[] ada = {1, "ada", new BigDecimal("12.50"), LocalDate.of(2024, 2, 29),
        LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000),
        OffsetDateTime.of(2024, 2, 29, 11, 14, 15, 500_000_000, ZoneOffset.UTC), true, 7, 9_000_000_000L, 0.5f,
        2.25d, "ab ", "first", "1 day"};
    Object[] empty = {2, null, null, null, null, null, null, null, null, null, null, null, null, null};
    Object[] adaLater = ada.clone();
    adaLater[2] = new BigDecimal("13.75");
    assertEquals(List.of(new RowChange("orders", RowChange.Kind.INSERT, null, ada, false)), batches.get(0).changes());
    assertEquals(List.of(new RowChange("orders", RowChange.Kind.INSERT, null, empty, false)), batches.get(1).changes());
    // The key did not change, so the store sent no old row: its key is the new row's.
    assertEquals(List.of(new RowChange("orders", RowChange.Kind.UPDATE, key(1), adaLater, true)),
        batches.get(2).changes());
    Object[] moved = empty.clone();
    moved[0] = 3;
    assertEquals(List.of(new RowChange("orders", RowChange.Kind.UPDATE, key(2), moved, true)), batches.get(3).changes());
    assertEquals(List.of(new RowChange("orders", RowChange.Kind.DELETE, key(1), null, true)), batches.get(4).changes());
    for (int i = 1; i < batches.size(); i++) {
      assertTrue(batches.get(i).position().order() > batches.get(i - 1).position().order(),
          "positions increase: " + batches);
    }
    for (ChangeBatch batch : batches) {
      assertEquals(batch.position().position(), lsnText(batch.position().order()));
      assertTrue(!batch.position().committedAt().isBefore(before)
          && !batch.position().committedAt().isAfter(batch.position().heardAt()), batch.position().toString());
    }
  }

  @Test
  void aTransactionTouchingTwoFollowedTablesIsOneBatchInTheOrderItWrote() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("two_tables", List.of("orders", "customers"), Optional.empty(), listener);
    inOneTransaction("INSERT INTO customers VALUES (10, 'ada')", "INSERT INTO orders (id, customer) VALUES (1, 'ada')",
        "UPDATE customers SET name = 'Ada' WHERE id = 10");
    ChangeBatch batch = listener.nextBatch();
    assertEquals(List.of("INSERT customers", "INSERT orders", "UPDATE customers"),
        batch.changes().stream().map(c -> c.kind() + " " + c.table()).toList());
    assertArrayEquals(new Object[] {10, "Ada"}, batch.changes().get(2).after());
  }

  @Test
  void changesToATableNotFollowedAreNotDelivered() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("only_orders", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE, "INSERT INTO audit VALUES (1, 'alone')", "INSERT INTO customers VALUES (1, 'x')");
    inOneTransaction("INSERT INTO audit VALUES (2, 'with an order')", "INSERT INTO orders (id) VALUES (5)");
    ChangeBatch batch = listener.nextBatch();
    assertEquals(1, batch.changes().size(), batch.changes().toString());
    assertEquals("orders", batch.changes().get(0).table());
    assertEquals(5, batch.changes().get(0).after()[0]);
  }

  @Test
  void aFollowerResumesAfterWhatItAcknowledgedWithoutDuplicatesOrGaps() throws Exception {
    RecordingListener first = new RecordingListener();
    ChangeSubscription subscription = follow("resuming", ORDERS, Optional.empty(), first);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)", "INSERT INTO orders (id) VALUES (2)",
        "INSERT INTO orders (id) VALUES (3)");
    first.nextBatch();
    ChangeBatch second = first.nextBatch();
    first.nextBatch();
    subscription.acknowledge(second.position());
    subscription.close();
    assertEquals(second.position().position(), slotColumn("tributary_resuming", "confirmed_flush_lsn"),
        "the store holds what was acknowledged, and only that");
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (4)");

    RecordingListener again = new RecordingListener();
    follow("resuming", ORDERS, Optional.of(second.position().position()), again);
    assertEquals(3, again.nextBatch().changes().get(0).after()[0]);
    assertEquals(4, again.nextBatch().changes().get(0).after()[0]);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (5)");
    assertEquals(5, again.nextBatch().changes().get(0).after()[0], "nothing between 4 and 5");
  }

  @Test
  void resumingBeforeWhatTheSlotStillHoldsIsReportedLost() throws Exception {
    RecordingListener first = new RecordingListener();
    ChangeSubscription subscription = follow("too_old", ORDERS, Optional.empty(), first);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)", "INSERT INTO orders (id) VALUES (2)");
    ChangeBatch one = first.nextBatch();
    ChangeBatch two = first.nextBatch();
    subscription.acknowledge(two.position());
    subscription.close();

    RecordingListener again = new RecordingListener();
    follow("too_old", ORDERS, Optional.of(one.position().position()), again);
    RecordingListener.Event lost = again.next(e -> !e.kind().equals("caughtUp"), "lost");
    assertEquals("lost", lost.kind(), lost.toString());
    assertEquals(two.position().position(), lost.position().position());
    assertTrue(lost.why().contains("no longer holds the changes after " + one.position().position()), lost.why());
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (3)");
    assertEquals(3, again.nextBatch().changes().get(0).after()[0]);
  }

  @Test
  void aTruncateTellsTheFollowerToRebuild() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("truncating", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)", "TRUNCATE orders");
    listener.nextBatch();
    RecordingListener.Event lost = listener.next(e -> !e.kind().equals("caughtUp"), "lost");
    assertEquals("lost", lost.kind(), lost.toString());
    assertTrue(lost.why().contains("table `orders` was truncated"), lost.why());
  }

  @Test
  void theStoreBeingHeardIsReportedWhenNothingFollowedChanged() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("heard", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)");
    ChangeBatch batch = listener.nextBatch();
    postgres.execute(DATABASE, "INSERT INTO audit VALUES (1, 'moves the WAL')");
    RecordingListener.Event heard = listener.next(e -> true, "caught-up report");
    assertEquals("caughtUp", heard.kind(), heard.toString());
    assertTrue(heard.position().order() > batch.position().order(), heard + " after " + batch.position());
  }

  @Test
  void anIdleStoreIsStillHeardEverySecondOrSo() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("idle", ORDERS, Optional.empty(), listener);
    Instant start = Instant.now();
    RecordingListener.Event first = listener.next(e -> e.kind().equals("caughtUp"), "a first report");
    RecordingListener.Event second = listener.next(e -> e.kind().equals("caughtUp")
        && e.position().heardAt().isAfter(first.position().heardAt().plusMillis(500)), "a later report");
    assertTrue(second.position().heardAt().isBefore(start.plusSeconds(10)), second.toString());
  }

  @Test
  void aLostConnectionIsReportedAndTheFeedResumesAfterWhatItDelivered() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("reconnecting", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)");
    listener.nextBatch();
    postgres.execute(DATABASE, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
        + " WHERE slot_name = 'tributary_reconnecting'");
    RecordingListener.Event unreachable = listener.next(e -> !e.kind().equals("caughtUp"), "unreachable");
    assertEquals("unreachable", unreachable.kind(), unreachable.toString());
    assertTrue(unreachable.why().startsWith("domain `orders` is unreachable at "), unreachable.why());
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (2)");
    assertEquals(2, listener.nextBatch().changes().get(0).after()[0], "no duplicate of 1, and 2 arrives");
  }

  @Test
  void closeStopsTheFeedThreadPromptlyAndLeavesTheSlot() throws Exception {
    RecordingListener listener = new RecordingListener();
    ChangeSubscription subscription = follow("closing", ORDERS, Optional.empty(), listener);
    postgres.execute(DATABASE, "INSERT INTO orders (id) VALUES (1)");
    listener.nextBatch();
    String thread = listener.threads.get(0);
    assertTrue(threadAlive(thread), thread);
    long start = System.nanoTime();
    subscription.close();
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info("close() returned after {} ms", millis);
    assertFalse(threadAlive(thread), thread + " still runs after close()");
    assertEquals("tributary_closing", slotColumn("tributary_closing", "slot_name"));
  }

  @Test
  void dropRemovesTheSlotAndThePublication() throws Exception {
    ChangeSubscription subscription = follow("dropping", ORDERS, Optional.empty(), new RecordingListener());
    assertEquals("tributary_dropping", slotColumn("tributary_dropping", "slot_name"));
    assertEquals(1, count("SELECT count(*) FROM pg_publication_tables WHERE pubname = 'tributary_dropping'"));
    subscription.drop();
    assertNull(slotColumn("tributary_dropping", "slot_name"));
    assertEquals(0, count("SELECT count(*) FROM pg_publication WHERE pubname = 'tributary_dropping'"));
  }

  @Test
  void followingMoreTablesAltersThePublication() throws Exception {
    follow("growing", ORDERS, Optional.empty(), new RecordingListener()).close();
    RecordingListener listener = new RecordingListener();
    follow("growing", List.of("orders", "customers"), Optional.empty(), listener);
    assertEquals(2, count("SELECT count(*) FROM pg_publication_tables WHERE pubname = 'tributary_growing'"));
    postgres.execute(DATABASE, "INSERT INTO customers VALUES (1, 'now followed')");
    assertEquals("customers", listener.nextBatch().changes().get(0).table());
  }

  @Test
  void aLoginThatMayNotReplicateIsToldWhatToGrant() throws Exception {
    ChangeFeed feed = feed(NO_REPLICATION_LOGIN);
    DomainQueryException refused = assertThrows(DomainQueryException.class,
        () -> feed.follow("refused", ORDERS, Optional.empty(), new RecordingListener()));
    assertEquals("orders", refused.domain());
    assertEquals("domain `orders`: cannot follow changes: role `" + NO_REPLICATION_LOGIN + "` may not replicate;"
        + " grant it with ALTER ROLE " + NO_REPLICATION_LOGIN + " REPLICATION", refused.getMessage());
    assertNull(slotColumn("tributary_refused", "slot_name"));
  }

  @Test
  void aTableWithoutPrimaryKeyIsRefusedBeforeItsUpdatesCouldFail() throws Exception {
    DomainQueryException refused = assertThrows(DomainQueryException.class,
        () -> feed(postgres.user()).follow("unkeyed", List.of("unkeyed"), Optional.empty(), new RecordingListener()));
    assertTrue(refused.getMessage().startsWith("domain `orders`: cannot follow changes: table `public.unkeyed` has no"
        + " primary key"), refused.getMessage());
    assertEquals(0, count("SELECT count(*) FROM pg_publication WHERE pubname = 'tributary_unkeyed'"));
    postgres.execute(DATABASE, "INSERT INTO unkeyed VALUES ('a')", "UPDATE unkeyed SET what = 'b'");
  }

  @Test
  void manySmallTransactionsArriveInOrder() throws Exception {
    RecordingListener listener = new RecordingListener();
    follow("latency", ORDERS, Optional.empty(), listener);
    int count = 300;
    long[] committed = new long[count];
    long[] delivered = new long[count];
    try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
      for (int i = 0; i < count; i++) {
        statement.execute("INSERT INTO orders (id) VALUES (" + i + ")");
        committed[i] = System.nanoTime();
        Thread.sleep(2);
      }
    }
    for (int i = 0; i < count; i++) {
      RecordingListener.Event event = listener.next(e -> e.kind().equals("committed"), "batch " + i);
      assertEquals(i, event.batch().changes().get(0).after()[0]);
      delivered[i] = event.arrivedNanos();
    }
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      micros[i] = Math.max(0, (delivered[i] - committed[i]) / 1_000);
    }
    Arrays.sort(micros);
    LOG.info("commit-to-delivery latency over {} one-row transactions: p50 {} ms, p99 {} ms, max {} ms", count,
        micros[count / 2] / 1000.0, micros[count * 99 / 100] / 1000.0, micros[count - 1] / 1000.0);
  }

  // ------------------------------------------------------------------------------------------

  private ChangeSubscription follow(String follower, List<String> tables, Optional<String> resumeAfter,
      RecordingListener listener) {
    ChangeSubscription subscription = feed(postgres.user()).follow(follower, tables, resumeAfter, listener);
    subscriptions.add(subscription);
    return subscription;
  }

  private ChangeFeed feed(String user) {
    DomainSource source = new PostgresAdapter().open(new DomainSpec("orders", "postgresql",
        Map.of("url", url, "user", user, "password", postgres.password()), List.of()));
    sources.add(source);
    return source.changes().orElseThrow();
  }

  private static Object[] key(int id) {
    Object[] key = new Object[14];
    key[0] = id;
    return key;
  }

  private static String lsnText(long lsn) {
    return Long.toHexString(lsn >>> 32).toUpperCase() + "/" + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
  }

  private static void inOneTransaction(String... statements) throws SQLException {
    try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      for (String sql : statements) {
        statement.execute(sql);
      }
      connection.commit();
    }
  }

  private static String slotColumn(String slot, String column) throws SQLException {
    try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
        ResultSet answer = statement.executeQuery("SELECT " + column + "::text FROM pg_replication_slots"
            + " WHERE slot_name = '" + slot + "'")) {
      return answer.next() ? answer.getString(1) : null;
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection connection = postgres.connect(DATABASE); Statement statement = connection.createStatement();
        ResultSet answer = statement.executeQuery(sql)) {
      answer.next();
      return answer.getLong(1);
    }
  }

  private static boolean threadAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  /** Ends the sessions still reading the test database's slots, then drops the slots. */
  private static void dropSlotsOfTestDatabase() throws SQLException {
    try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
          + " WHERE database = '" + DATABASE + "' AND active_pid IS NOT NULL");
      for (int attempt = 0; ; attempt++) {
        try {
          statement.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE database = '" + DATABASE + "'");
          return;
        } catch (SQLException e) {
          if (attempt == 50) {
            throw e;
          }
          sleep(100); // a terminated session lets go of its slot a moment later
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
