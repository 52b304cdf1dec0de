package io.tributary.gateway.product;

import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Compares a contract's table with the shape its store gives the mapped table. */
final class ContractCheck {
  private ContractCheck() {}

  /**
   * Every promise the store's table breaks: a promised column it lacks, a type that does not
   * {@link TypeFit fit}, a required column it lets be null. Empty when the contract holds.
   */
  static List<Violation> of(ContractTable table, RelDataType store) {
    List<Violation> violations = new ArrayList<>();
    for (ContractColumn column : table.columns()) {
      Optional<String> name = Optional.of(column.name());
      RelDataTypeField field = storeField(store, column);
      if (field == null) {
        violations.add(new Violation(table.name(), name,
            "store table `" + table.physicalName() + "` has no column `" + column.physicalName() + "`"));
        continue;
      }
      RelDataType type = field.getType();
      if (!TypeFit.fits(column.type(), type)) {
        violations.add(new Violation(table.name(), name, "promised " + ColumnTypes.render(column.type())
            + " (contract: " + column.type().written() + ") but store column `" + field.getName() + "` is "
            + ColumnTypes.render(type) + ", which can hold values that do not fit"));
      }
      if (column.required() && type.isNullable()) {
        violations.add(new Violation(table.name(), name,
            "promised required but store column `" + field.getName() + "` allows nulls"));
      }
    }
    return violations;
  }

  /** The store's table does not exist. */
  static Violation missingTable(String domain, ContractTable table) {
    return new Violation(table.name(), Optional.empty(),
        "store table `" + table.physicalName() + "` does not exist in domain `" + domain + "`'s store");
  }

  /** The domain's adapter cannot read such a table at all (e.g. a topic it does not consume). */
  static Violation unservable(String domain, ContractTable table) {
    return new Violation(table.name(), Optional.empty(), "domain `" + domain + "` cannot serve store table `"
        + table.physicalName() + "`: its adapter reads no such table (for kafka: publish the topic in tributary.yaml)");
  }

  /** The store's column a contract column reads, matched as SQL matches names here: ignoring case. */
  static RelDataTypeField storeField(RelDataType store, ContractColumn column) {
    return store.getField(column.physicalName(), false, false);
  }
}
