package io.tributary.catalog.contract;

/** A contract that cannot be read or accepted; says where and what was expected. */
public class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param origin where the contract came from (file path, {@code PUT /api/products/...}, {@code kafka:...})
   * @param path the path inside it, like {@code schema[0].properties[2].logicalType}; empty for the whole contract
   * @param problem what is wrong and what was expected
   */
  public ContractException(String origin, String path, String problem) {
    super(origin + (path.isEmpty() ? "" : ": " + path) + ": " + problem);
  }
}
