package io.tributary.adapter.jdbc.h2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.adapter.spi.RowChange;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded demo's change feed: every row written to a followed in-memory H2 table, in order. */
class H2ChangeFeedTest {
  private static final String URL = "jdbc:h2:mem:h2_changes;DB_CLOSE_DELAY=-1";

  private final BlockingQueue<ChangeBatch> batches = new LinkedBlockingQueue<>();
  private final BlockingQueue<ChangePosition> heard = new LinkedBlockingQueue<>();
  private Connection connection;
  private ChangeSubscription subscription;

  @BeforeEach
  void createTables() throws SQLException {
    connection = DriverManager.getConnection(URL);
    execute("DROP ALL OBJECTS", "CREATE TABLE orders (id INT PRIMARY KEY, status VARCHAR(20))",
        "CREATE TABLE notes (id INT PRIMARY KEY)");
  }

  @AfterEach
  void close() throws SQLException {
    if (subscription != null) {
      subscription.drop();
    }
    connection.close();
  }

  @Test
  void rowsWrittenToAFollowedTableArriveInTheOrderWritten() throws Exception {
    subscription = feed().follow("demo", List.of("orders"), Optional.empty(), listener());

    execute("INSERT INTO orders VALUES (1, 'placed')", "UPDATE orders SET status = 'paid' WHERE id = 1",
        "INSERT INTO notes VALUES (9)", "DELETE FROM orders WHERE id = 1");

    List<RowChange> changes = changes(3);
    assertEquals(List.of(RowChange.Kind.INSERT, RowChange.Kind.UPDATE, RowChange.Kind.DELETE),
        changes.stream().map(RowChange::kind).toList());
    assertArrayEquals(new Object[] {1, "paid"}, changes.get(1).after());
    assertArrayEquals(new Object[] {1, "placed"}, changes.get(1).before());
    assertEquals("orders", changes.get(0).table(), "named as the follower named it");
    assertEquals(0, batches.size(), "nothing of the unfollowed table");
  }

  @Test
  void aQuietStoreIsHeardAndDropRemovesTheTriggers() throws Exception {
    subscription = feed().follow("quiet", List.of("ORDERS"), Optional.empty(), listener());
    ChangePosition first = heard.poll(5, TimeUnit.SECONDS);
    ChangePosition second = heard.poll(5, TimeUnit.SECONDS);
    assertTrue(first != null && second != null && second.order() > first.order(), first + " then " + second);

    subscription.drop();
    subscription = null;
    try (Statement s = connection.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM INFORMATION_SCHEMA.TRIGGERS")) {
      rows.next();
      assertEquals(0, rows.getInt(1));
    }
  }

  @Test
  void onlyInMemoryDatabasesOfferAFeed() {
    assertEquals(Optional.empty(), H2ChangeFeed.of("demo", "h2", "jdbc:h2:tcp://elsewhere/db", new Properties(),
        "PUBLIC"));
  }

  private ChangeFeed feed() {
    return H2ChangeFeed.of("demo", "h2:mem", URL, new Properties(), "PUBLIC").orElseThrow();
  }

  private List<RowChange> changes(int count) throws InterruptedException {
    List<RowChange> changes = new ArrayList<>();
    while (changes.size() < count) {
      ChangeBatch batch = batches.poll(5, TimeUnit.SECONDS);
      assertTrue(batch != null, "only " + changes + " arrived");
      changes.addAll(batch.changes());
    }
    return changes;
  }

  private ChangeListener listener() {
    return new ChangeListener() {
      @Override
      public void committed(ChangeBatch batch) {
        batches.add(batch);
      }

      @Override
      public void caughtUp(ChangePosition position) {
        heard.add(position);
      }

      @Override
      public void unreachable(DomainUnavailableException cause) {
        throw new AssertionError(cause);
      }

      @Override
      public void lost(ChangePosition position, String why) {
        throw new AssertionError(why);
      }
    };
  }

  private void execute(String... statements) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
