package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.StoreMismatchException;
import io.tributary.catalog.contract.Version;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.catalog.product.Withdrawal;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every feed (files, HTTP, Kafka) gets contracts into the {@link ProductCatalog}: read,
 * checked against what the feed itself promises (a file's folder, an HTTP path, a record key), checked
 * against the store ({@link StoreCheck}), then published. Whatever is refused is logged once and kept in
 * {@link #rejections()}, and the {@link ContractException} is rethrown so the feed can answer its caller;
 * a feed never stops on one.
 *
 * <p><b>Safe publishing.</b> A version its store does not keep is refused ({@link StoreMismatchException}),
 * and the version served before stays. A version that would replace a served one while its store cannot
 * be reached is held back ({@link ContractHeldException}) and checked again at every {@link #retryHeld()}.
 * A team can {@link #rollBack roll a major back} to the version served before, and retire by hand; both
 * withdraw the versions taken back, so no feed brings them back. The {@link ContractJournal} keeps what
 * no feed brings back at a restart: HTTP publications, held versions, rollbacks, retirements by hand.
 */
public final class ContractIntake {
  private static final Logger LOG = LoggerFactory.getLogger(ContractIntake.class);

  private final ProductCatalog catalog;
  private final BiFunction<String, String, DataContract> parser;
  private final StoreCheck store;
  private final ContractJournal journal;
  private final Rejections rejections = new Rejections();

  /** An intake that checks no store and remembers nothing across restarts: for tests of the feeds' rules. */
  public ContractIntake(ProductCatalog catalog, BiFunction<String, String, DataContract> parser) {
    this(catalog, parser, StoreCheck.NONE, ContractJournal.inMemory());
  }

  /**
   * @param parser reads a contract's text, given where it came from, or throws a {@link ContractException}
   *     naming the path inside it; in production {@code ContractParser::parse}
   * @param store compares a version with its store before it is served
   * @param journal where what no feed brings back is kept
   */
  public ContractIntake(ProductCatalog catalog, BiFunction<String, String, DataContract> parser, StoreCheck store,
      ContractJournal journal) {
    this.catalog = catalog;
    this.parser = parser;
    this.store = store;
    this.journal = journal;
  }

  /**
   * Reads {@code text} from a feed that keeps it (a file, a topic), lets {@code check} refuse it by
   * throwing a {@link ContractException}, checks it against its store, and publishes it.
   *
   * @throws ContractException when it cannot be read, fails a check, is held back, or the catalog refuses it
   */
  public CatalogChange publish(String origin, String text, Consumer<DataContract> check) {
    return publish(origin, text, check, false);
  }

  /**
   * As {@link #publish(String, String, Consumer)}, for a feed that keeps nothing (HTTP): the journal
   * keeps the text, so the version is served again after a restart.
   *
   * @throws UncheckedIOException when the version is served but the journal could not store it
   */
  public CatalogChange publishAndKeep(String origin, String text, Consumer<DataContract> check) {
    return publish(origin, text, check, true);
  }

  /**
   * Publishes again what the journal kept at the last stop: withdrawals first, then the versions
   * only it brings back, then the held ones (checked again). Called once, before the feeds start.
   */
  public void restore() {
    for (ContractJournal.Entry entry : journal.entries()) {
      try {
        restore(entry);
      } catch (ContractException e) {
        LOG.warn("kept contract of {} major {} not served again: {}", entry.id, entry.major, e.getMessage());
      }
    }
  }

  private void restore(ContractJournal.Entry entry) {
    if (entry.withdrawn != null) {
      catalog.withdraw(entry.id, entry.major, entry.withdrawn);
    }
    if (entry.current != null && entry.restore) {
      publish(entry.current.origin(), entry.current.text(), contract -> {}, true);
    }
    if (entry.held != null) {
      publish(entry.held.origin(), entry.held.text(), contract -> {}, entry.heldRestore);
    }
  }

  private CatalogChange publish(String origin, String text, Consumer<DataContract> check, boolean keep) {
    DataContract contract;
    try {
      contract = parser.apply(origin, text);
      check.accept(contract);
      verify(contract, text, keep);
    } catch (ContractException e) {
      rejections.add(origin, e.getMessage());
      throw e;
    }
    return serve(contract, text, keep);
  }

  /** Checks a version against its store; holds it back when that cannot be done and a served version is at stake. */
  private void verify(DataContract contract, String text, boolean keep) {
    Optional<DataContract> served = served(contract.id(), contract.version().major());
    List<String> violations;
    try {
      violations = store.violations(contract);
    } catch (StoreUnreachableException e) {
      if (served.isEmpty()) {
        return; // nothing to protect: served unchecked, and its queries fail naming the domain until it is back
      }
      remember(() -> journal.held(contract, text, keep), keep);
      throw new ContractHeldException(contract, served.get(), e.getMessage());
    }
    if (!violations.isEmpty()) {
      throw new StoreMismatchException(contract, served, violations);
    }
  }

  private CatalogChange serve(DataContract contract, String text, boolean keep) {
    CatalogChange change = publish(contract);
    remember(() -> journal.served(contract, text, keep), keep);
    return change;
  }

  /**
   * Publishes again a contract served before and still held by its feed (another file of the same
   * major, once the file that replaced it is gone); it was checked against its store then.
   */
  public CatalogChange publish(DataContract contract) {
    try {
      CatalogChange change = catalog.publish(contract);
      LOG.info("{} {}.{} {} from {}", change.kind().name().toLowerCase(Locale.ROOT), contract.domain(),
          contract.product(), contract.version(), contract.origin());
      return change;
    } catch (ContractException e) {
      rejections.add(contract.origin(), e.getMessage());
      throw e;
    }
  }

  /**
   * Checks the held versions against their stores again: serves those their store now keeps, refuses
   * those it does not, keeps holding the others. The gateway calls it at every contract check.
   */
  public void retryHeld() {
    for (ContractJournal.Entry entry : journal.entries()) {
      if (entry.held == null) {
        continue;
      }
      DataContract contract;
      try {
        contract = read(entry.held);
        store.violations(contract);
      } catch (StoreUnreachableException stillDown) {
        continue;
      } catch (ContractException unreadable) {
        journal.released(entry.id, entry.major);
        continue;
      }
      journal.released(entry.id, entry.major);
      try {
        publish(entry.held.origin(), entry.held.text(), c -> {}, entry.heldRestore);
      } catch (ContractException refused) {
        LOG.debug("held {} refused once checked: {}", entry.held.origin(), refused.getMessage());
      }
    }
  }

  /**
   * Serves again, for a major, the version served before the current one; the current one and every
   * version above the restored one up to it are withdrawn. The version restored is checked against its store first.
   *
   * @throws ContractException when the major is not served, no earlier version is known, or the
   *     store does not keep (or cannot check) the earlier version
   */
  public CatalogChange rollBack(String origin, String id, int major) {
    try {
      DataContract current = served(id, major).orElseThrow(() -> new ContractException(origin, "", "major " + major
          + " of product " + id + " is not served; nothing to roll back"));
      ContractJournal.Published earlier = journal.earlier(id, major).orElseThrow(() -> new ContractException(origin,
          "version", "no version of major " + major + " of " + name(current) + " before " + current.version()
          + " is known to this gateway (it keeps the last " + ContractJournal.EARLIER_KEPT + " served); publish the"
          + " contract you want served, as a version above " + current.version()));
      DataContract target = parser.apply(earlier.origin(), earlier.text());
      try {
        List<String> violations = store.violations(target);
        if (!violations.isEmpty()) {
          throw new StoreMismatchException(target, Optional.of(current), violations);
        }
      } catch (StoreUnreachableException e) {
        throw new ContractException(origin, "", "cannot roll " + name(current) + " back to " + target.version()
            + " now: " + e.getMessage() + "; " + current.version() + " stays served");
      }
      String how = "rolled back by " + origin + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
      CatalogChange change = catalog.rollBack(target, current.version(), how);
      LOG.info("rolled {} major {} back from {} to {} on behalf of {}", name(current), major, current.version(),
          target.version(), origin);
      remember(() -> journal.rolledBack(target, current.version(), how), true);
      return change;
    } catch (ContractException e) {
      rejections.add(origin, e.getMessage());
      throw e;
    }
  }

  /** Records a refusal a feed decided before any contract could be read (a record without a key). */
  public void reject(String origin, ContractException refusal) {
    rejections.add(origin, refusal.getMessage());
  }

  /** Retires every version of the product with this contract id, as its feed no longer holds it. */
  public List<CatalogChange> retire(String origin, String id) {
    return forgotten(logged(origin, catalog.retire(id)));
  }

  /** Retires one major of a product, as its feed no longer holds it. */
  public List<CatalogChange> retire(String origin, String id, int major) {
    return forgotten(logged(origin, catalog.retire(id, major)));
  }

  /**
   * Retires by hand every major of a product, or one ({@code major} present): the versions retired
   * stay withdrawn, so a file or topic still holding them does not bring them back, even after a restart.
   */
  public List<CatalogChange> retireByHand(String origin, String id, Optional<Integer> major) {
    List<CatalogChange> changes = logged(origin, major.map(m -> catalog.retire(id, m)).orElseGet(() -> catalog.retire(id)));
    String how = "retired by " + origin + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (CatalogChange change : changes) {
      Version version = change.contract().version();
      Withdrawal withdrawal = new Withdrawal(null, version, how);
      catalog.withdraw(id, version.major(), withdrawal);
      remember(() -> journal.withdrawn(id, version.major(), withdrawal), true);
    }
    return changes;
  }

  private List<CatalogChange> forgotten(List<CatalogChange> changes) {
    changes.forEach(c -> remember(() -> journal.retired(c.contract().id(), c.contract().version().major()), false));
    return changes;
  }

  /**
   * Writes to the journal; a failure is the caller's when only the journal keeps what changed,
   * and a warning otherwise (the feed brings it back; only the versions to roll back to are lost).
   */
  private static void remember(Runnable write, boolean only) {
    try {
      write.run();
    } catch (UncheckedIOException e) {
      if (only) {
        throw e;
      }
      LOG.warn("{}; what the feeds bring back is still served, but rolling back to versions before it may not be"
          + " possible after a restart", e.getMessage());
    }
  }

  private Optional<DataContract> served(String id, int major) {
    return Optional.ofNullable(catalog.products().get(id)).map(Product::majors).map(m -> m.get(major));
  }

  private DataContract read(ContractJournal.Published published) {
    return parser.apply(published.origin(), published.text());
  }

  private static String name(DataContract contract) {
    return contract.domain() + "." + contract.product();
  }

  private static List<CatalogChange> logged(String origin, List<CatalogChange> changes) {
    if (!changes.isEmpty()) {
      LOG.info("retired {}.{} ({} versions) on behalf of {}", changes.get(0).contract().domain(),
          changes.get(0).contract().product(), changes.size(), origin);
    }
    return changes;
  }

  public ProductCatalog catalog() {
    return catalog;
  }

  public Rejections rejections() {
    return rejections;
  }
}
