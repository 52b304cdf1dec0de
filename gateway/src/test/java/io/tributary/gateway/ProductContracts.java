package io.tributary.gateway;

import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ColumnType;
import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.Version;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.type.SqlTypeName;

/** Data contracts as tests write them, built as the contract parser would. */
public final class ProductContracts {
  private ProductContracts() {}

  /** A version of a product whose contract id is {@code <domain>.<product>}. */
  public static DataContract contract(String domain, String product, String version, Access access,
      ContractTable... tables) {
    String[] parts = version.split("\\.");
    return new DataContract(domain + "." + product, domain, product,
        new Version(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])), "active",
        access, "team-" + domain, "the " + product + " of " + domain, List.of(tables),
        Optional.of(Duration.ofHours(1)), Optional.empty(), "test:" + product + "@" + version);
  }

  /** The same version, deprecated until {@code date} in favour of {@code replacement}. */
  public static DataContract deprecated(DataContract contract, LocalDate date, String replacement) {
    return new DataContract(contract.id(), contract.domain(), contract.product(), contract.version(), "deprecated",
        contract.access(), contract.team(), contract.description(), contract.tables(), contract.freshness(),
        Optional.of(new DataContract.Deprecation(date, replacement)), contract.origin());
  }

  public static ContractTable table(String name, String physicalName, ContractColumn... columns) {
    return new ContractTable(name, physicalName, "a row of " + name, List.of(columns));
  }

  /** A column read from {@code physicalName}, promised as {@code type} (precision and scale -1: none). */
  public static ContractColumn column(String name, String physicalName, SqlTypeName type, int precision, int scale,
      boolean required) {
    String written = type.getName() + (precision < 0 ? "" : "(" + precision + (scale < 0 ? "" : "," + scale) + ")");
    return new ContractColumn(name, physicalName, new ColumnType(type, precision, scale, written), required, false,
        Optional.empty(), name + " of the row");
  }

  public static ContractColumn column(String name, String physicalName, SqlTypeName type, boolean required) {
    return column(name, physicalName, type, -1, -1, required);
  }
}
