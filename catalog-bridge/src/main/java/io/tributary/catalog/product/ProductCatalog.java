package io.tributary.catalog.product;

import io.tributary.catalog.contract.Compatibility;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.IncompatibleContractException;
import io.tributary.catalog.contract.StaleVersionException;
import io.tributary.catalog.contract.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The data products every feed (files, HTTP, Kafka) publishes into, and every reader (the engine,
 * the system tables, the exports) reads from. Readers take immutable {@link #products() snapshots};
 * writers are serialised.
 */
public final class ProductCatalog {
  private final Set<String> domains;
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();
  private volatile Map<String, Product> byId = Map.of();
  /** Per product major, the highest version taken back (rolled back or retired by hand): never served again. */
  private final Map<MajorKey, Withdrawal> withdrawn = new HashMap<>();

  /** @param domains the domains this gateway serves; contracts of any other domain are refused */
  public ProductCatalog(Set<String> domains) {
    this.domains = Set.copyOf(domains);
  }

  /**
   * Publishes a contract version: a new product, a new major beside the served ones, or a new
   * minor/patch replacing the served version of its major when it keeps that major's promises.
   *
   * @throws IncompatibleContractException when it keeps a major but breaks it
   * @throws StaleVersionException when it is older than the served version of its major, or withdrawn
   * @throws ContractException when its domain is not served here, or its id is another product's
   */
  public synchronized CatalogChange publish(DataContract contract) {
    if (!domains.contains(contract.domain())) {
      throw new ContractException(contract.origin(), "domain", "`" + contract.domain()
          + "` is not a domain of this gateway; expected one of " + new TreeSet<>(domains));
    }
    Product current = byId.get(contract.id());
    if (current != null && !(current.domain().equals(contract.domain()) && current.name().equals(contract.product()))) {
      throw new ContractException(contract.origin(), "id", "`" + contract.id() + "` already identifies "
          + current.domain() + "." + current.name() + "; a product keeps its id, another product needs another id");
    }
    Map<Integer, DataContract> majors = new TreeMap<>(current == null ? Map.of() : current.majors());
    DataContract served = majors.get(contract.version().major());
    Withdrawal withdrawal = withdrawn.get(new MajorKey(contract.id(), contract.version().major()));
    if (withdrawal != null && withdrawal.covers(contract.version())) {
      // A file or topic still holding a version its team took back must not bring it back.
      throw new StaleVersionException(contract.origin(), contract.version() + " of " + contract.domain() + "."
          + contract.product() + " is withdrawn: versions " + (withdrawal.above() == null ? "" : "above "
          + withdrawal.above() + " ") + "up to " + withdrawal.through() + " were " + withdrawal.how()
          + "; publish a version above " + withdrawal.through());
    }
    if (served != null && contract.version().compareTo(served.version()) < 0) {
      // A replayed or stale copy must not roll consumers back to promises already superseded.
      throw new StaleVersionException(contract.origin(), contract.version() + " is older than "
          + served.version() + ", which is served for major " + served.version().major() + " of "
          + contract.domain() + "." + contract.product() + "; publish a higher version");
    }
    if (served != null) {
      List<String> breaks = Compatibility.breaks(served, contract);
      if (!breaks.isEmpty()) {
        throw new IncompatibleContractException(contract.origin(), served, contract, breaks);
      }
    }
    majors.put(contract.version().major(), contract);
    replace(contract.id(), new Product(contract.id(), contract.domain(), contract.product(), new TreeMap<>(majors)));
    CatalogChange change = served == null
        ? new CatalogChange(CatalogChange.Kind.ADDED, contract, Optional.empty())
        : new CatalogChange(CatalogChange.Kind.REPLACED, contract, Optional.of(served));
    notifyListeners(List.of(change));
    return change;
  }

  /**
   * Serves {@code target} for its major again in place of the version served now, which its team
   * takes back: no version above the target up to {@code through} is accepted afterwards. Unlike
   * {@link #publish}, compatibility with the served version is not asked: rolling back is the owner
   * undoing a release, and the target kept that major's promises when it was served.
   *
   * @param how what took the versions back, for the refusals that cite it ("rolled back by … at …")
   */
  public synchronized CatalogChange rollBack(DataContract target, Version through, String how) {
    MajorKey key = new MajorKey(target.id(), target.version().major());
    Product current = byId.get(target.id());
    Map<Integer, DataContract> majors = new TreeMap<>(current == null ? Map.of() : current.majors());
    DataContract served = majors.put(target.version().major(), target);
    withdrawn.merge(key, new Withdrawal(target.version(), through, how), Withdrawal::union);
    replace(target.id(), new Product(target.id(), target.domain(), target.product(), new TreeMap<>(majors)));
    CatalogChange change = new CatalogChange(served == null ? CatalogChange.Kind.ADDED : CatalogChange.Kind.REPLACED,
        target, Optional.ofNullable(served));
    notifyListeners(List.of(change));
    return change;
  }

  /**
   * Refuses, from now on, the versions {@code withdrawal} covers of a product's major, whichever feed
   * brings them: what a team retired or rolled back by hand stays so after a restart.
   */
  public synchronized void withdraw(String id, int major, Withdrawal withdrawal) {
    withdrawn.merge(new MajorKey(id, major), withdrawal, Withdrawal::union);
  }

  /** Retires every version of the product with this contract id; nothing when there is none. */
  public synchronized List<CatalogChange> retire(String id) {
    Product current = byId.get(id);
    if (current == null) {
      return List.of();
    }
    replace(id, null);
    List<CatalogChange> changes = new ArrayList<>();
    current.majors().values().forEach(c -> changes.add(new CatalogChange(CatalogChange.Kind.RETIRED, c, Optional.empty())));
    notifyListeners(changes);
    return changes;
  }

  /**
   * Retires one major of the product with this contract id (the others stay served); nothing when
   * it is not served.
   */
  public synchronized List<CatalogChange> retire(String id, int major) {
    Product current = byId.get(id);
    if (current == null || !current.majors().containsKey(major)) {
      return List.of();
    }
    Map<Integer, DataContract> majors = new TreeMap<>(current.majors());
    DataContract retired = majors.remove(major);
    replace(id, majors.isEmpty() ? null : new Product(id, current.domain(), current.name(), new TreeMap<>(majors)));
    List<CatalogChange> changes = List.of(new CatalogChange(CatalogChange.Kind.RETIRED, retired, Optional.empty()));
    notifyListeners(changes);
    return changes;
  }

  /** Every product served now, by contract id; an immutable snapshot. */
  public Map<String, Product> products() {
    return byId;
  }

  /** The product a domain publishes under this name, if any. */
  public Optional<Product> product(String domain, String name) {
    return byId.values().stream().filter(p -> p.domain().equals(domain) && p.name().equals(name)).findFirst();
  }

  public void subscribe(CatalogListener listener) {
    listeners.add(listener);
  }

  private record MajorKey(String id, int major) {}

  private void replace(String id, Product product) {
    Map<String, Product> next = new TreeMap<>(byId);
    if (product == null) {
      next.remove(id);
    } else {
      next.put(id, product);
    }
    byId = Map.copyOf(next);
  }

  private void notifyListeners(List<CatalogChange> changes) {
    for (CatalogChange change : changes) {
      listeners.forEach(l -> l.changed(change));
    }
  }
}
