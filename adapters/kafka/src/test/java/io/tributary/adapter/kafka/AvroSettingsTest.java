package io.tributary.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.adapter.spi.TableSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An Avro table's configuration is checked at start-up: the schema, then each column against its field. */
class AvroSettingsTest {
  private static final String SCHEMA = """
      {"type": "record", "name": "Parcel", "fields": [
        {"name": "id", "type": "long"},
        {"name": "label", "type": ["null", "string", "int"]},
        {"name": "weight_kg", "type": {"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}},
        {"name": "seen", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}]}
      ]}""";

  private static TopicSettings settings(Object schema, Map<String, String> columns) {
    Map<String, Object> options = new LinkedHashMap<>(Map.of("kind", "events", "format", "avro", "columns", columns));
    if (schema != null) {
      options.put("avroSchema", schema);
    }
    return TopicSettings.of("logistics", 0, new TableSpec("parcels", "parcels", options));
  }

  private static InvalidDomainSettingsException refused(Object schema, Map<String, String> columns) {
    return assertThrows(InvalidDomainSettingsException.class, () -> settings(schema, columns));
  }

  @Test
  void theSchemaMustBeGivenAndBeAnAvroRecord() {
    Map<String, String> id = Map.of("id", "bigint");
    assertEquals("tables[0].options.avroSchema", refused(null, id).setting());
    assertEquals("tables[0].options.avroSchema", refused("{\"type\": \"record\"", id).setting());
    assertEquals("is of type string; expected a record, whose fields the columns read by name",
        refused("\"string\"", id).problem());
    assertEquals("tables[0].options.avroSchema", assertThrows(InvalidDomainSettingsException.class,
        () -> TopicSettings.of("logistics", 0, new TableSpec("parcels", "parcels", Map.of("kind", "events",
            "avroSchema", SCHEMA, "columns", id)))).setting(), "avroSchema without format avro");
  }

  @Test
  void everyDeclaredColumnMustBeAFieldOfACompatibleType() {
    assertEquals("domain `logistics`: tables[0].options.columns.weight_gr is not a field of the avroSchema record"
        + " `Parcel`; its fields are [id, label, weight_kg, seen]", refused(SCHEMA, Map.of("weight_gr", "integer"))
        .getMessage());
    assertEquals("is declared integer but Avro field `id` is long; integer columns read Avro int",
        refused(SCHEMA, Map.of("id", "integer")).problem());
    assertEquals("tables[0].options.columns.label", refused(SCHEMA, Map.of("label", "varchar")).setting(),
        "a union of two types besides null");
    assertEquals("tables[0].options.columns.seen", refused(SCHEMA, Map.of("seen", "date")).setting());
  }

  @Test
  void aDecimalColumnMustHoldEveryValueOfTheAvroDecimal() {
    assertEquals("is declared decimal(5,2) but Avro field `weight_kg` is bytes (decimal(6,2)); decimal(5,2) columns"
        + " read Avro bytes or fixed with logical type decimal of scale at most 2 and at most 3 digits before the"
        + " point; declare the column wider", refused(SCHEMA, Map.of("weight_kg", "decimal(5,2)")).problem());
    assertEquals("tables[0].options.columns.weight_kg", refused(SCHEMA, Map.of("weight_kg", "decimal(9,1)")).setting());
    settings(SCHEMA, Map.of("weight_kg", "decimal(9,3)"));
  }

  @Test
  void theSchemaMayBeWrittenAsAYamlMappingAndNullableFieldsReadAsNull() throws Exception {
    Map<String, Object> mapping = Map.of("type", "record", "name", "Parcel", "fields", List.of(
        Map.of("name", "id", "type", "long"),
        Map.of("name", "seen", "type", List.of("null", Map.of("type", "long", "logicalType", "timestamp-millis")))));
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("id", "bigint");
    columns.put("seen", "timestamp");
    // id 3 (zig-zag 6), seen: union branch 0 (null)
    Object[] row = new RecordDecoder(settings(mapping, columns))
        .decode(new ConsumerRecord<>("parcels", 0, 0L, null, new byte[] {6, 0}));
    assertEquals(Arrays.asList(3L, null, null, 0, 0L), Arrays.asList(row).subList(0, 5));
  }
}
