package io.tributary.catalog.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * One node of a contract's YAML tree together with its path (like {@code schema[0].properties[2]}),
 * so that every reader reports problems at the place the author has to look.
 */
final class ContractNode {
  private final String origin;
  private final String path;
  private final JsonNode node;

  private ContractNode(String origin, String path, JsonNode node) {
    this.origin = origin;
    this.path = path;
    this.node = node;
  }

  static ContractNode root(String origin, JsonNode node) {
    return new ContractNode(origin, "", node);
  }

  String path() {
    return path;
  }

  String origin() {
    return origin;
  }

  boolean isMissing() {
    return node.isMissingNode() || node.isNull();
  }

  boolean isText() {
    return node.isTextual();
  }

  boolean isList() {
    return node.isArray();
  }

  ContractNode field(String key) {
    JsonNode child = node.isObject() ? node.path(key) : MissingNode.getInstance();
    return new ContractNode(origin, path.isEmpty() ? key : path + "." + key, child);
  }

  /** A scalar as text; numbers count, as YAML authors write {@code id: 42} without quotes. */
  Optional<String> optionalText() {
    if (isMissing()) {
      return Optional.empty();
    }
    if (!node.isTextual() && !node.isNumber()) {
      throw fail("is " + kind() + "; expected a text");
    }
    String text = node.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** @param expectation what belongs here, for the message when it is missing */
  String text(String expectation) {
    return optionalText().orElseThrow(() -> fail("is missing; expected " + expectation));
  }

  boolean bool(boolean absent) {
    if (isMissing()) {
      return absent;
    }
    if (!node.isBoolean()) {
      throw fail("is " + kind() + "; expected true or false");
    }
    return node.booleanValue();
  }

  OptionalInt optionalInt() {
    if (isMissing()) {
      return OptionalInt.empty();
    }
    if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
      throw fail("is " + kind() + "; expected a whole number");
    }
    return OptionalInt.of(node.intValue());
  }

  /** The elements of a list; none when the field is absent. */
  List<ContractNode> list() {
    if (isMissing()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw fail("is " + kind() + "; expected a list");
    }
    List<ContractNode> elements = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      elements.add(new ContractNode(origin, path + "[" + i + "]", node.get(i)));
    }
    return elements;
  }

  /** The elements of a list that is absent or holds only texts. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (ContractNode element : list()) {
      element.optionalText().ifPresent(texts::add);
    }
    return texts;
  }

  /**
   * Refuses keys the standard does not define here, so that a typo ({@code requried}) is an error
   * and not a silently dropped promise.
   *
   * @param what the kind of object, for the message ({@code an ODCS v3 property})
   * @param known every key the standard defines here, used by us or not
   */
  void onlyKeys(String what, Set<String> known) {
    requireObject(what);
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!known.contains(key)) {
        throw field(key).fail("is not a field of " + what + "; expected one of " + new TreeSet<>(known));
      }
    }
  }

  void requireObject(String what) {
    if (!node.isObject()) {
      throw fail("is " + kind() + "; expected " + what + " (a mapping of fields)");
    }
  }

  ContractException fail(String problem) {
    return new ContractException(origin, path, problem);
  }

  private String kind() {
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "`" + node.asText() + "`";
  }
}
