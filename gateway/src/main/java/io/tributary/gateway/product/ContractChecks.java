package io.tributary.gateway.product;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every served product version's contract checked against its store's fresh shape: when the
 * version is published, every {@code interval} (a store's schema can change behind the gateway's
 * back), and on demand. Checks run on one background thread; a version found broken fails its
 * queries until a later check finds the store fixed. A store that cannot be reached is not
 * checked: the last result stands, and queries fail naming the domain as for any table.
 */
public final class ContractChecks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ContractChecks.class);

  private final ProductCatalog catalog;
  private final StoreShapeCheck store;
  private final Map<VersionKey, CheckResult> results = new ConcurrentHashMap<>();
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tributary-contract-checks");
    t.setDaemon(true);
    return t;
  });

  private ContractChecks(ProductCatalog catalog, Map<String, DomainSource> sources) {
    this.catalog = catalog;
    this.store = new StoreShapeCheck(sources);
  }

  /** Checks what the catalog serves now, then follows its changes and re-checks every {@code interval}. */
  public static ContractChecks start(ProductCatalog catalog, Map<String, DomainSource> sources, Duration interval) {
    ContractChecks checks = new ContractChecks(catalog, sources);
    catalog.subscribe(checks::changed);
    checks.thread.scheduleWithFixedDelay(checks::checkAll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("checking data product contracts against their stores every {}", interval);
    return checks;
  }

  /** Checks every served version now, on the calling thread: for tests and operators who cannot wait. */
  public void checkNow() {
    checkAll();
  }

  /** The latest check of exactly this version; empty until one could read its store. */
  public Optional<CheckResult> result(DataContract contract) {
    return Optional.ofNullable(results.get(VersionKey.of(contract))).filter(r -> r.contract().equals(contract));
  }

  /** What the latest check found this version's store breaks; empty when it holds or was not checked yet. */
  public List<Violation> violations(DataContract contract) {
    return result(contract).map(CheckResult::violationList).orElse(List.of());
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  private void changed(CatalogChange change) {
    DataContract contract = change.contract();
    if (change.kind() == CatalogChange.Kind.RETIRED || contract.access() == Access.PRIVATE) {
      results.remove(VersionKey.of(contract));
      return;
    }
    try {
      thread.execute(() -> checkLogged(contract));
    } catch (RejectedExecutionException closing) {
      LOG.debug("not checking {}: the gateway is closing", ProductException.describe(contract));
    }
  }

  private void checkAll() {
    for (Product product : catalog.products().values()) {
      product.majors().values().stream().filter(c -> c.access() != Access.PRIVATE).forEach(this::checkLogged);
    }
  }

  /** Checks one version; never throws, because the next check must still run. */
  private void checkLogged(DataContract contract) {
    try {
      record(contract, store.check(contract));
    } catch (DomainUnavailableException e) {
      LOG.debug("{} not checked, its store is down: {}", ProductException.describe(contract), e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("{} not checked: {}", ProductException.describe(contract), e.toString());
    }
  }

  /** Stores the result unless the version was retired or replaced meanwhile; keeps when each violation was first seen. */
  private void record(DataContract contract, List<Violation> violations) {
    Instant now = Instant.now();
    results.compute(VersionKey.of(contract), (key, previous) -> {
      if (!served(contract)) {
        return previous;
      }
      boolean same = previous != null && previous.contract().equals(contract);
      Map<Violation, Instant> detected = new LinkedHashMap<>();
      violations.forEach(v -> detected.put(v, same ? previous.violations().getOrDefault(v, now) : now));
      CheckResult next = new CheckResult(contract, now, detected);
      logChange(same ? previous : null, next);
      return next;
    });
  }

  private boolean served(DataContract contract) {
    Product product = catalog.products().get(contract.id());
    return product != null && contract.equals(product.majors().get(contract.version().major()));
  }

  private static void logChange(CheckResult previous, CheckResult next) {
    Set<Violation> before = previous == null ? Set.of() : previous.violations().keySet();
    if (next.broken() && !before.equals(next.violations().keySet())) {
      LOG.warn("{} is broken: {}", ProductException.describe(next.contract()), next.violationList());
    } else if (!before.isEmpty() && !next.broken()) {
      LOG.info("{} keeps its contract again", ProductException.describe(next.contract()));
    }
  }

  /** A product's major version: what one check result is kept for. */
  private record VersionKey(String id, int major) {
    static VersionKey of(DataContract contract) {
      return new VersionKey(contract.id(), contract.version().major());
    }
  }
}
