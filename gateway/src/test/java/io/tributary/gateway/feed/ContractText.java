package io.tributary.gateway.feed;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ODCS v3 contract text, as domain teams write it, for the feeds' tests: one table, its columns
 * given as {@code "name physicalName type"} or {@code "name physicalName type classification"}, the
 * contract id {@code <domain>-<product>}, access public.
 */
final class ContractText {
  private ContractText() {}

  /** @param columns the first is the required primary key */
  static String yaml(String domain, String product, String version, String physicalTable, String... columns) {
    String properties = Arrays.stream(columns).map(column -> {
      String[] parts = column.split(" ");
      return """
                - name: %s
                  physicalName: %s
                  physicalType: %s
                  description: %s of the row.
          """.formatted(parts[0], parts[1], parts[2], parts[0])
          + (column.equals(columns[0]) ? "        required: true\n        primaryKey: true\n" : "")
          + (parts.length > 3 ? "        classification: " + parts[3] + "\n" : "");
    }).collect(Collectors.joining());
    return """
        apiVersion: v3.0.2
        kind: DataContract
        id: %3$s-%1$s
        name: %1$s
        version: %2$s
        status: active
        domain: %3$s
        team:
          - username: %3$s-team@example.com
            role: owner
        description: Product %1$s of domain %3$s.
        schema:
          - name: %1$s
            physicalName: %4$s
            physicalType: table
            description: One row per %4$s entry.
            properties:
        %5$scustomProperties:
          - property: access
            value: public
        """.formatted(product, version, domain, physicalTable, properties);
  }

  /** A product over the domain's table of the same name as the domain, keyed by its {@code id int} column. */
  static String keyed(String domain, String product, String version, String... moreColumns) {
    return yaml(domain, product, version, domain, Stream.concat(Stream.of("id id int"), Arrays.stream(moreColumns))
        .toArray(String[]::new));
  }
}
