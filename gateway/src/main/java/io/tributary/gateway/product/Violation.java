package io.tributary.gateway.product;

import java.util.Objects;
import java.util.Optional;

/**
 * One way a store breaks a product's contract.
 *
 * @param table the contract's table (its SQL name)
 * @param column the contract's column, when the violation is about one
 * @param problem what is wrong, in a sentence naming the store's table or column
 */
public record Violation(String table, Optional<String> column, String problem) {

  public Violation {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(problem, "problem");
  }

  @Override
  public String toString() {
    return "table `" + table + "`" + column.map(c -> ", column `" + c + "`").orElse("") + ": " + problem;
  }
}
