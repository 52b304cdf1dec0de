package io.tributary.testkit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real database servers every test in this JVM shares: PostgreSQL on 127.0.0.1:5432 and
 * MariaDB on 127.0.0.1:3306, reached with the login {@code tributary_test}. The first call checks
 * them and, if one is down or refuses the login, runs {@code bin/services ensure} once.
 *
 * <pre>{@code
 * String url = DatabaseServers.postgres().createDatabase("tributary_it_crm");
 * }</pre>
 */
public final class DatabaseServers {

  private static final String HOST = "127.0.0.1";
  private static final String LOGIN = "tributary_test";
  private static final String PASSWORD = "tributary_test";
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseServers.class);

  private static final DatabaseServer POSTGRES =
      new DatabaseServer(DatabaseEngine.POSTGRESQL, HOST, 5432, LOGIN, PASSWORD);
  private static final DatabaseServer MARIADB =
      new DatabaseServer(DatabaseEngine.MARIADB, HOST, 3306, LOGIN, PASSWORD);

  private static final Object LOCK = new Object();
  private static boolean ready; // guarded by LOCK
  // Remembered so later tests fail at once with the same cause instead of rerunning the script.
  private static ServiceStartException failure; // guarded by LOCK

  private DatabaseServers() {}

  public static DatabaseServer postgres() {
    ensureReady();
    return POSTGRES;
  }

  public static DatabaseServer mariadb() {
    ensureReady();
    return MARIADB;
  }

  private static void ensureReady() {
    synchronized (LOCK) {
      if (!ready && failure == null) {
        try {
          start();
          ready = true;
        } catch (ServiceStartException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw new ServiceStartException(failure.getMessage(), failure);
      }
    }
  }

  private static void start() {
    Optional<String> problems = problems();
    if (problems.isEmpty()) {
      LOG.info("Using {} and {} as {}", POSTGRES, MARIADB, LOGIN);
      return;
    }
    LOG.info("Starting test databases: {}", problems.get());
    ServicesScript.locate().ensure();
    problems().ifPresent(stillWrong -> {
      throw new ServiceStartException("bin/services ensure succeeded but the test databases are"
          + " still unusable: " + stillWrong + "; check the servers' logs"
          + " (/var/log/postgresql/, /var/log/mysql/error.log)");
    });
    LOG.info("Started {} and {}", POSTGRES, MARIADB);
  }

  private static Optional<String> problems() {
    List<String> found = Stream.of(POSTGRES, MARIADB)
        .map(DatabaseServer::problem)
        .flatMap(Optional::stream)
        .toList();
    return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found));
  }
}
