package io.tributary.gateway.product;

import io.tributary.catalog.contract.DataContract;
import java.util.List;

/**
 * A product version whose store no longer keeps its contract: the query fails, listing each
 * violation, rather than return data of a shape nobody promised. Other products keep working.
 */
public final class ContractViolatedException extends ProductException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATE 55000, object not in prerequisite state: the query is right, the product is not. */
  public static final String SQL_STATE = "55000";

  ContractViolatedException(DataContract contract, String sqlName, List<Violation> violations) {
    super(describe(contract) + " is broken: domain `" + contract.domain() + "`'s store no longer keeps its contract: "
        + String.join("; ", violations.stream().map(Violation::toString).toList())
        + ". Queries on " + contract.domain() + "." + sqlName + " fail until team `" + contract.team()
        + "` fixes the store or publishes a contract that matches it; see tributary.contract_violations",
        SQL_STATE);
  }
}
