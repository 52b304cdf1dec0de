package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.ProductCatalog;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every feed (files, HTTP, Kafka) gets contracts into the {@link ProductCatalog}: read,
 * checked against what the feed itself promises (a file's folder, an HTTP path, a record key), then
 * published. Whatever is refused is logged once and kept in {@link #rejections()}, and the
 * {@link ContractException} is rethrown so the feed can answer its caller; a feed never stops on one.
 */
public final class ContractIntake {
  private static final Logger LOG = LoggerFactory.getLogger(ContractIntake.class);

  private final ProductCatalog catalog;
  private final BiFunction<String, String, DataContract> parser;
  private final Rejections rejections = new Rejections();

  /**
   * @param parser reads a contract's text, given where it came from, or throws a {@link ContractException}
   *     naming the path inside it; in production {@code ContractParser::parse}
   */
  public ContractIntake(ProductCatalog catalog, BiFunction<String, String, DataContract> parser) {
    this.catalog = catalog;
    this.parser = parser;
  }

  /**
   * Reads {@code text}, lets {@code check} refuse it by throwing a {@link ContractException}, and
   * publishes it.
   *
   * @throws ContractException when it cannot be read, fails the check, or the catalog refuses it
   */
  public CatalogChange publish(String origin, String text, Consumer<DataContract> check) {
    DataContract contract;
    try {
      contract = parser.apply(origin, text);
      check.accept(contract);
    } catch (ContractException e) {
      rejections.add(origin, e.getMessage());
      throw e;
    }
    return publish(contract);
  }

  /** Publishes a contract read before, e.g. one restored after its product was retired and rebuilt. */
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

  /** Records a refusal a feed decided before any contract could be read (a record without a key). */
  public void reject(String origin, ContractException refusal) {
    rejections.add(origin, refusal.getMessage());
  }

  /** Retires every version of the product with this contract id; nothing when none is served. */
  public List<CatalogChange> retire(String origin, String id) {
    return logged(origin, catalog.retire(id));
  }

  /** Retires one major of a product, on behalf of {@code origin}. */
  public List<CatalogChange> retire(String origin, String id, int major) {
    return logged(origin, catalog.retire(id, major));
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
