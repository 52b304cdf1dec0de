package io.tributary.adapter.jdbc.h2;

import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.DomainUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change feed of an in-memory H2 database (the embedded demo's stores): a row trigger on each
 * followed table hands every row written to the subscription, in the order written. Only for
 * {@code jdbc:h2:mem:} databases, whose every writer runs in this JVM, so that a quiet feed truly
 * means nothing was written. Rows are reported as they are written, before their transaction
 * commits: a rollback costs a follower one needless rebuild, never a missed change.
 */
public final class H2ChangeFeed implements ChangeFeed, AutoCloseable {
  private final String domain;
  private final String store;
  private final String url;
  private final Properties login;
  private final String schema;
  private final Set<H2Subscription> open = ConcurrentHashMap.newKeySet();

  private H2ChangeFeed(String domain, String store, String url, Properties login, String schema) {
    this.domain = domain;
    this.store = store;
    this.url = url;
    this.login = login;
    this.schema = schema;
  }

  /** A feed for {@code url}; empty unless it is an in-memory database. */
  public static Optional<ChangeFeed> of(String domain, String store, String url, Properties login, String schema) {
    return url.startsWith("jdbc:h2:mem:") ? Optional.of(new H2ChangeFeed(domain, store, url, login, schema))
        : Optional.empty();
  }

  @Override
  public ChangeSubscription follow(String follower, List<String> storeTables, Optional<String> resumeAfter,
      ChangeListener listener) {
    H2Subscription subscription = new H2Subscription(follower, storeTables, listener, this, resumeAfter);
    try (Connection connection = connect()) {
      subscription.install(connection, schema);
    } catch (SQLException e) {
      subscription.stop();
      throw new DomainUnavailableException(domain, store, e);
    }
    open.add(subscription);
    subscription.start();
    return subscription;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, login);
  }

  String schema() {
    return schema;
  }

  void ended(H2Subscription subscription) {
    open.remove(subscription);
  }

  @Override
  public void close() {
    open.forEach(H2Subscription::drop);
  }
}
