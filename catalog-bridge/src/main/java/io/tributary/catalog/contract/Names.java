package io.tributary.catalog.contract;

import java.util.regex.Pattern;

/** What a contract may call things: SQL names consumers type, and store names adapters read. */
final class Names {
  /** The same rule as domain and table names in the gateway's configuration. */
  private static final Pattern SQL = Pattern.compile("[a-z][a-z0-9_]*");
  /** {@code <table>_v<N>} pins major N, so a table may not be called like that itself. */
  private static final Pattern PINNED = Pattern.compile(".*_v[0-9]+");
  /** A store's column: an identifier as databases and Avro/JSON schemas spell them, case kept. */
  private static final Pattern STORE_COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  /** A store's table: a table, a {@code schema.table} or a Kafka topic name. */
  private static final Pattern STORE_TABLE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.$-]*");

  private Names() {}

  static String sql(ContractNode node, String expectation) {
    String name = node.text(expectation);
    if (!SQL.matcher(name).matches()) {
      throw node.fail("`" + name + "` is not a valid SQL name; expected lower-case letters, digits and _,"
          + " starting with a letter");
    }
    return name;
  }

  static String table(ContractNode node) {
    String name = sql(node, "the table's SQL name");
    if (PINNED.matcher(name).matches()) {
      throw node.fail("`" + name + "` ends like a version pin; `<table>_v<N>` is how SQL addresses major N,"
          + " so choose a name without the `_v<N>` suffix");
    }
    return name;
  }

  /** @param sqlName the default: a store column called like its SQL name */
  static String storeColumn(ContractNode node, String sqlName) {
    return store(node, sqlName, STORE_COLUMN, "letters, digits, _ and $, starting with a letter or _");
  }

  /** @param sqlName the default: a store table called like its SQL name */
  static String storeTable(ContractNode node, String sqlName) {
    return store(node, sqlName, STORE_TABLE, "letters, digits, _, $, - and . (a table, schema.table or topic)");
  }

  private static String store(ContractNode node, String sqlName, Pattern rule, String expectation) {
    String name = node.optionalText().orElse(sqlName);
    if (!rule.matcher(name).matches()) {
      throw node.fail("`" + name + "` is not a valid store name; expected " + expectation);
    }
    return name;
  }
}
