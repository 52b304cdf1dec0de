package io.tributary.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.adapter.spi.Durations;
import io.tributary.gateway.config.ConfigException;
import io.tributary.gateway.config.ConfigLoader;
import io.tributary.gateway.config.GatewayConfig;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * README.md's configuration reference and its configuration examples, read from README.md and held
 * against the real loader: every key it lists is a key of tributary.yaml and the other way round,
 * every default is what the loader gives, every "required" key is refused when left out.
 */
class ReadmeConfigurationTest {
  /**
   * Every section of tributary.yaml written, each with only its required keys, so that each key of
   * the reference can be left out of it alone.
   */
  private static final String SECTIONS = """
      gateway: {jdbc: {}, flight: {}, http: {}}
      domains:
        - {name: shop, owner: {team: checkout, contact: checkout@example.com}, adapter: h2,
           connection: {url: "jdbc:h2:mem:shop"}, tables: [orders]}
      catalog:
        kafka: {topic: contracts, connection: {bootstrap.servers: "127.0.0.1:9092"}}
        openlineage: {file: lineage.jsonl}
      limits: {}
      materializations:
        - {name: cached, sql: "SELECT 1"}
      """;
  /** The least a configuration can be: one domain, with nothing it may leave out. */
  private static final String LEAST = """
      domains:
        - {name: shop, owner: {team: checkout, contact: checkout@example.com}, adapter: h2, tables: [orders]}
      """;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path EXAMPLE = DemoGateway.HOME.resolve("conf/tributary.yaml");

  private final Set<String> adapterTypes = DomainAdapters.discover().types();

  @Test
  void theReferenceListsEveryKeyOfTheConfigurationAndNoOther() throws Exception {
    Set<String> documented = reference().keySet();
    Set<String> keys = new TreeSet<>();
    keys("", GatewayConfig.class, keys);
    assertEquals(keys, documented);
  }

  @Test
  void everyDefaultOfTheReferenceIsWhatTheLoaderGivesAndEveryRequiredKeyIsRefusedWhenLeftOut() throws Exception {
    assertAll(reference().entrySet().stream().map(row -> (Executable) () -> {
      String key = row.getKey();
      String written = row.getValue();
      if (written.contains("required")) {
        ConfigException refused = assertThrows(ConfigException.class,
            () -> parse(without(SECTIONS, key)), key + " is required, says the README");
        assertTrue(refused.getMessage().contains(key.replace("[]", "[0]")), key + ": " + refused.getMessage());
      } else if (written.startsWith("—")) {
        assertEquals(Optional.empty(), value(parse(LEAST), key), key + " is unset when left out, says the README");
      } else {
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(written);
        assertTrue(quoted.lookingAt(), key + ": a default is written `value`, or — or required: " + written);
        Object value = value(parse(without(SECTIONS, key)), key).orElseThrow(() -> new AssertionError(key + " is unset"));
        Object expected = value instanceof Duration
            ? Durations.parse(quoted.group(1)).orElseThrow(() -> new AssertionError(key + ": " + written))
            : quoted.group(1);
        assertEquals(expected, value instanceof Duration ? value : value.toString(), key);
      }
    }));
  }

  @Test
  void theExampleConfigurationLoadsWithItsPasswordFromTheEnvironment() {
    ConfigLoader loader = new ConfigLoader(Map.of("CRM_DB_PASSWORD", "secret")::get, adapterTypes);
    GatewayConfig example = loader.load(EXAMPLE);

    assertEquals(List.of("customers", "orders"), example.domains().stream().map(d -> d.name()).toList());
    assertEquals("secret", example.domains().get(0).connection().get("password"));
    assertEquals("", example.domains().get(1).connection().get("password"), "${SHOP_DB_PASSWORD:-} is empty when unset");
    ConfigException unset = assertThrows(ConfigException.class,
        () -> new ConfigLoader(name -> null, adapterTypes).load(EXAMPLE));
    assertTrue(unset.getMessage().contains("environment variable CRM_DB_PASSWORD is not set"), unset.getMessage());
  }

  @Test
  void theReadmesConfigurationErrorIsTheOneTheLoaderGives() throws Exception {
    Matcher example = Pattern.compile("e\\.g\\. `` (.+?) ``").matcher(readme().text().replace('\n', ' '));
    assertTrue(example.find(), "the README shows the message between `` and ``");
    String misspelt = Files.readString(EXAMPLE).replace("adapter: mariadb", "adapter: postgress");
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(
        Map.of("CRM_DB_PASSWORD", "x")::get, adapterTypes).parse("conf/tributary.yaml", misspelt));
    assertEquals(example.group(1), e.getMessage());
  }

  /** The reference's rows: key to its default column. */
  private static Map<String, String> reference() throws Exception {
    return readme().table("## Configuration reference").stream().collect(Collectors.toMap(
        row -> row.get(0).replace("`", ""), row -> row.get(2), (a, b) -> {
          throw new AssertionError("a key listed twice");
        }, java.util.TreeMap::new));
  }

  private static Readme readme() throws Exception {
    return Readme.load();
  }

  private GatewayConfig parse(String yaml) {
    return new ConfigLoader(name -> null, adapterTypes).parse("t.yaml", yaml);
  }

  /** The keys of a configuration record: nested records are sections, the domains a list of them. */
  private static void keys(String prefix, Class<?> record, Set<String> keys) {
    for (RecordComponent component : record.getRecordComponents()) {
      String key = prefix + component.getName();
      Class<?> type = component.getType();
      Type generic = component.getGenericType();
      Class<?> element = generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
          ? c : null;
      if (type.isRecord()) {
        keys(key + ".", type, keys);
      } else if (type == Optional.class && element != null && element.isRecord()) {
        keys(key + ".", element, keys);
      } else if (type == List.class && prefix.isEmpty() && element != null && element.isRecord()) {
        keys.add(key);
        keys(key + "[].", element, keys);
      } else {
        keys.add(key);
      }
    }
  }

  /** The value at {@code key} (the first domain for {@code domains[]}); empty when unset or empty. */
  private static Optional<Object> value(Object config, String key) throws Exception {
    Object value = config;
    for (String part : key.split("\\.")) {
      boolean listed = part.endsWith("[]");
      String name = listed ? part.substring(0, part.length() - 2) : part;
      value = value.getClass().getMethod(name).invoke(value);
      if (value instanceof Optional<?> optional) {
        value = optional.orElse(null);
      }
      if (listed) {
        value = ((List<?>) value).get(0);
      }
      if (value == null || value instanceof Collection<?> c && c.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
        return Optional.empty();
      }
    }
    return Optional.of(value);
  }

  /** {@code yaml} without {@code key}. */
  private static String without(String yaml, String key) throws Exception {
    JsonNode tree = YAML.readTree(yaml);
    String[] parts = key.split("\\.");
    JsonNode parent = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      parent = parts[i].endsWith("[]") ? parent.get(parts[i].substring(0, parts[i].length() - 2)).get(0)
          : parent.get(parts[i]);
    }
    ((ObjectNode) parent).remove(parts[parts.length - 1]);
    return YAML.writeValueAsString(tree);
  }
}
