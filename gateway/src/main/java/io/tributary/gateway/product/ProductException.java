package io.tributary.gateway.product;

import io.tributary.catalog.contract.DataContract;

/**
 * A query on a data product that the product, not the query, prevents from being answered. Carries
 * the SQLSTATE both doors report.
 */
public abstract class ProductException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  ProductException(String message, String sqlState) {
    super(message);
    this.sqlState = sqlState;
  }

  public String sqlState() {
    return sqlState;
  }

  /** {@code data product `crm.customers` version 2.1.0} */
  static String describe(DataContract contract) {
    return "data product `" + contract.domain() + "." + contract.product() + "` version " + contract.version();
  }
}
