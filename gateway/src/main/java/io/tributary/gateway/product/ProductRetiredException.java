package io.tributary.gateway.product;

import io.tributary.catalog.contract.DataContract;

/**
 * A product version this session still names but the catalog no longer serves (retired, or made
 * private). Sessions list the products of the moment they connected; retirement applies at once.
 */
public final class ProductRetiredException extends ProductException {
  private static final long serialVersionUID = 1L;

  /** SQLSTATE 42P01, undefined table, as for any name that is not served. */
  public static final String SQL_STATE = "42P01";

  ProductRetiredException(DataContract contract, String sqlName) {
    super(describe(contract) + " is no longer served, so `" + contract.domain() + "." + sqlName
        + "` is gone; reconnect to see the products served now (tributary.data_products lists them)", SQL_STATE);
  }
}
