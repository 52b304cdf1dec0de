package io.tributary.gateway.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code tributary.yaml} into a {@link GatewayConfig}: YAML, then {@code ${ENV_VAR}}
 * substitution, then records, then {@link ConfigValidator}. Every failure is a
 * {@link ConfigException} naming the file, the path inside it and what was expected.
 */
public final class ConfigLoader {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
      .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationText()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
  private final UnaryOperator<String> environment;
  private final Set<String> adapterTypes;

  /**
   * @param environment looks up environment variables (returns null when unset)
   * @param adapterTypes the adapter types on the class path
   */
  public ConfigLoader(UnaryOperator<String> environment, Set<String> adapterTypes) {
    this.environment = environment;
    this.adapterTypes = adapterTypes;
  }

  public GatewayConfig load(Path file) {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "", "no such file; pass --config <file> pointing at a tributary.yaml");
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot be read: " + e.getMessage(), e);
    }
    return parse(name, text);
  }

  /** Parses configuration text; {@code name} is how messages refer to it. */
  public GatewayConfig parse(String name, String text) {
    JsonNode tree;
    try {
      tree = mapper.readTree(text);
    } catch (JacksonException e) {
      throw new ConfigException(name, "", "is not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new ConfigException(name, "", "is empty or not a mapping; expected keys `gateway` and `domains`");
    }
    JsonNode resolved = substitute(name, "", tree);
    GatewayConfig config;
    try {
      config = mapper.treeToValue(resolved, GatewayConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(name, path(e), problem(e), e);
    } catch (JacksonException e) {
      throw new ConfigException(name, "", e.getOriginalMessage(), e);
    }
    new ConfigValidator(name, adapterTypes).validate(config);
    return config;
  }

  private JsonNode substitute(String file, String path, JsonNode node) {
    if (node.isTextual()) {
      return new TextNode(resolve(file, path, node.asText()));
    }
    if (node.isObject()) {
      ObjectNode copy = mapper.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        copy.set(field.getKey(), substitute(file, child, field.getValue()));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = mapper.createArrayNode();
      for (int i = 0; i < node.size(); i++) {
        copy.add(substitute(file, path + "[" + i + "]", node.get(i)));
      }
      return copy;
    }
    return node;
  }

  private String resolve(String file, String path, String value) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = environment.apply(m.group(1));
      if (found == null) {
        found = m.group(2);
      }
      if (found == null) {
        throw new ConfigException(file, path, "environment variable " + m.group(1)
            + " is not set; set it or write ${" + m.group(1) + ":-default}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String problem(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      return "unknown key; expected one of: " + known;
    }
    if (e instanceof InvalidFormatException f) {
      return "`" + f.getValue() + "` is not a valid " + describe(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "has the wrong shape; expected " + describe(m.getTargetType());
    }
    return e.getOriginalMessage();
  }

  private static String describe(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "whole number";
    }
    if (type == String.class) {
      return "text value";
    }
    if (type == Duration.class) {
      return DurationText.EXPECTED;
    }
    if (type == Map.class) {
      return "mapping of keys to values";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "list";
    }
    if (type.isRecord()) {
      return "mapping with keys " + java.util.Arrays.stream(type.getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.joining(", "));
    }
    return type.getSimpleName();
  }
}
