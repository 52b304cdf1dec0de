package io.tributary.adapter.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * Values written as JSON objects: a declared column reads the field of its name; missing fields are
 * null, and unknown fields are ignored so producers can add fields before the domain declares them.
 */
final class JsonFormat implements ValueFormat {
  // Exact decimals: a double would turn 19.99 into 19.989999...
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<Column> declared;

  JsonFormat(List<Column> declared) {
    this.declared = List.copyOf(declared);
  }

  @Override
  public void decode(byte[] value, Object[] row) throws BadRecordException {
    JsonNode object;
    try {
      object = JSON.readTree(value);
    } catch (JsonProcessingException e) {
      throw new BadRecordException("value is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadRecordException("value is not readable: " + e.getMessage());
    }
    if (object == null || !object.isObject()) {
      throw new BadRecordException("value is not a JSON object: " + abbreviate(object));
    }
    for (int i = 0; i < declared.size(); i++) {
      row[i] = JsonValues.convert(object.get(declared.get(i).name()), declared.get(i));
    }
  }

  private static String abbreviate(JsonNode value) {
    String text = String.valueOf(value);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
