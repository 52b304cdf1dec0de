package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A data scientist's client: Python with pyarrow (installed with pip from the machine's package
 * index into target/), running the example script of examples/python/ against the door.
 */
class FlightPythonClientTest {
  private static final Path EXAMPLES = Path.of("..", "examples", "python").toAbsolutePath().normalize();

  @BeforeAll
  static void installPyarrow() throws Exception {
    PythonFlightClients.python();
  }

  @Test
  void pyarrowGetsEveryTypeWithItsNulls() throws Exception {
    JsonNode results = pyarrow(TypeLab.gateway().flightPort(), "SELECT * FROM lab.all_types ORDER BY id",
        "SELECT TIMESTAMP WITH LOCAL TIME ZONE '2024-02-29 13:45:30.123' AS moment FROM (VALUES (1))");
    JsonNode allTypes = results.get(0);

    assertEquals(List.of("id: int32 not null", "small_v: int16", "int_v: int32", "big_v: int64", "real_v: float",
        "double_v: double", "decimal_v: decimal128(12, 3)", "text_v: string", "bool_v: bool", "date_v: date32[day]",
        "time_v: time32[ms]", "ts_v: timestamp[ms]", "tstz_v: timestamp[ms]", "bytes_v: binary"),
        strings(allTypes.get("schema")), allTypes.toString());
    assertEquals(List.of("1", "-32768", "2147483647", "9223372036854775807", "1.5", "2.25", "123456789.123",
        "Zürich ✓", "True", "2024-02-29", "13:45:30.123000", "2024-02-29 13:45:30.123000",
        "2024-02-29 11:45:30.123000", "deadbeef"), strings(allTypes.get("rows").get(0)));
    List<String> nulls = strings(allTypes.get("rows").get(1));
    assertEquals("2", nulls.get(0));
    assertTrue(nulls.subList(1, nulls.size()).stream().allMatch(v -> v == null), nulls.toString());
    assertEquals(List.of("moment: timestamp[ms, tz=UTC] not null"), strings(results.get(1).get("schema")));
    assertEquals(List.of("2024-02-29 13:45:30.123000+00:00"), strings(results.get(1).get("rows").get(0)));
  }

  @Test
  void pyarrowJoinsAcrossDomainsAndGetsTheEnginesErrors() throws Exception {
    FederatedMesh mesh = FederatedMesh.get();
    String join = "SELECT c.country, count(*) AS orders FROM orders.orders o"
        + " JOIN customers.customers c ON o.customer_id = c.id GROUP BY c.country ORDER BY c.country";
    JsonNode results = pyarrow(mesh.gateway().flightPort(), join, "SELECT * FROM customers.custmers");

    List<String> rows = new ArrayList<>();
    results.get(0).get("rows").forEach(row -> rows.add(String.join(" | ", strings(row))));
    try (Connection jdbc = mesh.connect()) {
      assertEquals(Rows.of(jdbc, join), rows);
    }
    // pyarrow raises Flight's INVALID_ARGUMENT as ArrowInvalid.
    assertEquals("ArrowInvalid", results.get(1).get("error").asText(), results.get(1).toString());
    assertTrue(results.get(1).get("message").asText().contains(
        "Table `custmers` is not published by domain `customers` (owner: crm); did you mean `customers`?"),
        results.get(1).toString());
  }

  private static JsonNode pyarrow(int port, String... sql) throws Exception {
    List<String> command = new ArrayList<>(List.of(PythonFlightClients.python().toString(),
        Path.of("src", "test", "resources", "flight", "pyarrow_queries.py").toAbsolutePath().toString(),
        EXAMPLES.toString(), String.valueOf(port)));
    command.addAll(List.of(sql));
    return new ObjectMapper().readTree(
        PythonFlightClients.run("running the pyarrow client", 120, null, command.toArray(String[]::new)));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.isNull() ? null : v.asText()));
    return values;
  }
}
