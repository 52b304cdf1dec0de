package io.tributary.catalog.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The example contracts under {@code src/test/resources/contracts/}, and small contracts written inline. */
public final class TestContracts {
  /** The smallest contract we accept; tests change one line of it at a time. */
  public static final String MINIMAL = """
      apiVersion: v3.0.2
      kind: DataContract
      id: shop-things
      name: things
      version: 1.0.0
      status: active
      domain: shop
      schema:
        - name: things
          properties:
            - name: id
              physicalType: bigint
      customProperties:
        - property: access
          value: public
      """;

  private TestContracts() {}

  /** @param file a file under {@code contracts/}, parsed with origin {@code contracts/<file>} */
  public static DataContract example(String file) {
    return ContractParser.parse("contracts/" + file, text(file));
  }

  public static String text(String file) {
    try (InputStream in = TestContracts.class.getResourceAsStream("/contracts/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no test contract " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Product {@code things} of domain {@code shop} at this version and access, with one table
   * {@code things} whose properties are given as YAML list items.
   */
  public static DataContract things(String version, String access, String... properties) {
    StringBuilder text = new StringBuilder(MINIMAL
        .replace("version: 1.0.0", "version: " + version)
        .replace("value: public", "value: " + access)
        .replace("      - name: id\n        physicalType: bigint\n", ""));
    int at = text.indexOf("customProperties:");
    text.insert(at, String.join("", properties).indent(6));
    return ContractParser.parse("test", text.toString());
  }

  /** One YAML property list item. */
  public static String column(String name, String physicalType, boolean required) {
    return "- name: " + name + "\n  physicalType: " + physicalType + "\n  required: " + required + "\n";
  }
}
