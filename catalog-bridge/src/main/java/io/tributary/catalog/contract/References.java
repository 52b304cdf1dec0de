package io.tributary.catalog.contract;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the column references of one contract's relationships name (ODCS v3.1 "References"). Read:
 * the shorthand {@code <table>.<column>} for a table of this contract, and the fully qualified
 * {@code schema/<table id>/properties/<property id>}. A contract may also name a table of another
 * contract by its SQL name, {@code <domain>.<table>.<column>}: ODCS would read those three parts as
 * a nested property, which a Tributary contract cannot have. References into another contract's
 * file ({@code other.yaml#...}) are refused: the gateway knows products by SQL name, not by file.
 */
final class References {
  private static final Pattern SQL_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final String domain;
  private final Map<String, ContractTable> tables;
  private final Map<String, String> tableIds;
  private final Map<String, Map<String, String>> columnIds;

  /** A column a reference names. */
  record Target(String domain, String table, String column) {}

  /**
   * @param domain the contract's domain
   * @param tables the contract's tables by name
   * @param tableIds the name of each table by its ODCS {@code id}
   * @param columnIds per table name, the name of each column by its ODCS {@code id}
   */
  References(String domain, Map<String, ContractTable> tables, Map<String, String> tableIds,
      Map<String, Map<String, String>> columnIds) {
    this.domain = domain;
    this.tables = Map.copyOf(tables);
    this.tableIds = Map.copyOf(tableIds);
    this.columnIds = Map.copyOf(columnIds);
  }

  String domain() {
    return domain;
  }

  /** The column {@code node}'s text names. */
  Target resolve(ContractNode node) {
    String reference = node.text("a column reference: <table>.<column>, <domain>.<table>.<column> or"
        + " schema/<table id>/properties/<property id>");
    if (reference.contains("#")) {
      throw node.fail("`" + reference + "` refers into another contract's file, which the gateway does not read;"
          + " expected another domain's table by its SQL name, <domain>.<table>.<column>");
    }
    return reference.contains("/") ? byId(node, reference) : byName(node, reference);
  }

  private Target byId(ContractNode node, String reference) {
    List<String> parts = List.of(reference.replaceFirst("^/", "").split("/", -1));
    if (parts.size() != 4 || !parts.get(0).equals("schema") || !parts.get(2).equals("properties")) {
      throw node.fail("`" + reference + "` is not a column reference; expected"
          + " schema/<table id>/properties/<property id>"
          + " (nested properties are not supported)");
    }
    String table = tableIds.get(parts.get(1));
    if (table == null) {
      throw node.fail("`" + reference + "`: no schema object has id `" + parts.get(1) + "`; expected one of "
          + tableIds.keySet().stream().sorted().toList());
    }
    String column = columnIds.get(table).get(parts.get(3));
    if (column == null) {
      throw node.fail("`" + reference + "`: no property of table `" + table + "` has id `" + parts.get(3)
          + "`; expected one of " + columnIds.get(table).keySet().stream().sorted().toList());
    }
    return new Target(domain, table, column);
  }

  private Target byName(ContractNode node, String reference) {
    List<String> parts = List.of(reference.split("\\.", -1));
    if (parts.size() < 2 || parts.size() > 3 || !parts.stream().allMatch(p -> SQL_NAME.matcher(p).matches())) {
      throw node.fail("`" + reference + "` is not a column reference; expected <table>.<column> for a table of this"
          + " contract or <domain>.<table>.<column> for another's, in SQL names");
    }
    Target target = parts.size() == 2 ? new Target(domain, parts.get(0), parts.get(1))
        : new Target(parts.get(0), parts.get(1), parts.get(2));
    ContractTable table = target.domain().equals(domain) ? tables.get(target.table()) : null;
    if (parts.size() == 2 && table == null) {
      throw node.fail("`" + reference + "`: this contract has no table `" + target.table() + "`; expected one of "
          + tables.keySet().stream().sorted().toList() + ", or <domain>.<table>.<column> for another contract's");
    }
    if (table != null && table.columns().stream().noneMatch(c -> c.name().equals(target.column()))) {
      throw node.fail("`" + reference + "`: table `" + target.table() + "` has no column `" + target.column() + "`");
    }
    return target;
  }
}
