package io.tributary.catalog.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.stream.Collectors;

/**
 * Reads Open Data Contract Standard v3 YAML into a validated {@link DataContract}. What of the
 * standard is read, accepted or refused is listed in the module's README.
 */
public final class ContractParser {
  // A key written twice is an error rather than "last one wins": the author meant one of them.
  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  private ContractParser() {}

  /**
   * @param origin where the text came from, for messages (a file path, {@code PUT /api/products/...})
   * @param text the contract, YAML (JSON is YAML too)
   * @throws ContractException naming the origin, the path inside the contract and what was expected
   */
  public static DataContract parse(String origin, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ContractException(origin, at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr(),
          "is not valid YAML: " + withoutExcerpts(e.getOriginalMessage()));
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new ContractException(origin, "", "is empty; expected an ODCS v3 data contract (apiVersion: v3.1.0,"
          + " kind: DataContract, ...)");
    }
    return ContractReader.read(ContractNode.root(origin, root));
  }

  /** SnakeYAML quotes the offending lines, indented, under each sentence; the location says enough. */
  private static String withoutExcerpts(String message) {
    return message.lines().filter(line -> !line.isBlank() && !line.startsWith(" ")).collect(Collectors.joining(": "));
  }
}
