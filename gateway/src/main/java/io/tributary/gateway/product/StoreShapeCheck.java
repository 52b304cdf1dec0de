package io.tributary.gateway.product;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.feed.StoreCheck;
import io.tributary.catalog.feed.StoreUnreachableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Compares a contract version with its store's fresh shape: every table it names exists and is
 * servable, every column exists with a type that fits ({@link TypeFit}) and no nulls where the
 * contract promises none. The catalog asks it before serving a version; {@link ContractChecks} asks
 * it again for every served version, since a store's schema can change behind the gateway's back.
 */
public final class StoreShapeCheck implements StoreCheck {
  private final Map<String, DomainSource> sources;
  private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl();

  public StoreShapeCheck(Map<String, DomainSource> sources) {
    this.sources = Map.copyOf(sources);
  }

  /**
   * What the store breaks; nothing for a domain this gateway does not serve (the catalog refuses
   * such a contract, naming the domains it serves).
   *
   * @throws DomainUnavailableException when the store does not answer
   */
  List<Violation> check(DataContract contract) {
    DomainSource source = sources.get(contract.domain());
    List<Violation> violations = new ArrayList<>();
    if (source == null) {
      return violations;
    }
    for (ContractTable table : contract.tables()) {
      if (source.storeTable(table.physicalName()).isEmpty()) {
        violations.add(ContractCheck.unservable(contract.domain(), table));
        continue;
      }
      source.describe(table.physicalName(), typeFactory).ifPresentOrElse(
          shape -> violations.addAll(ContractCheck.of(table, shape)),
          () -> violations.add(ContractCheck.missingTable(contract.domain(), table)));
    }
    return violations;
  }

  @Override
  public List<String> violations(DataContract contract) {
    try {
      return check(contract).stream().map(Violation::toString).toList();
    } catch (DomainUnavailableException e) {
      throw new StoreUnreachableException(contract.domain(), e.getMessage());
    }
  }
}
