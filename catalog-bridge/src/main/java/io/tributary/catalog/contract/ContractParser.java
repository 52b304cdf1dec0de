package io.tributary.catalog.contract;

/** Reads Open Data Contract Standard v3 YAML into a validated {@link DataContract}. */
public final class ContractParser {
  private ContractParser() {}

  /**
   * @param origin where the text came from, for messages (a file path, {@code PUT /api/products/...})
   * @param text the contract, YAML (JSON is YAML too)
   * @throws ContractException naming the origin, the path inside the contract and what was expected
   */
  public static DataContract parse(String origin, String text) {
    throw new UnsupportedOperationException("to be implemented");
  }
}
