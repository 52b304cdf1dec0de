package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.gateway.Rows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tributary.rejected_contracts: what the feeds refused, in SQL, through the JDBC and Flight doors alike. */
class RejectedContractsTest {
  @TempDir
  static Path contracts;
  private static Path garbled;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    garbled = contracts.resolve("customers/garbled.yaml");
    Files.createDirectories(garbled.getParent());
    Files.writeString(garbled, "kind: DataContract\n");
    mesh = FeedMesh.start("rejected_contracts", contracts, "");
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void contractRefusedAtStartUpIsListedAsTheHttpApiListsIt() throws Exception {
    JsonNode listed = mesh.rejections().stream().filter(r -> r.path("origin").asText().equals(garbled.toString()))
        .findFirst().orElseThrow();

    try (Connection jdbc = mesh.connect()) {
      List<String> rows = Rows.of(jdbc, "SELECT origin, message, CAST(rejected_at AS VARCHAR)"
          + " FROM tributary.rejected_contracts WHERE origin = ?", garbled.toString());
      String at = listed.path("at").asText();
      assertEquals(List.of(garbled + " | " + listed.path("message").asText() + " | "
          + at.substring(0, 19).replace('T', ' ')), rows, "rejected_at is the refusal's time (UTC): " + at);
    }
  }

  @Test
  void refusalAnswersOverFlightAsOverJdbc() throws Exception {
    String origin = "PUT /api/products/orders/misspelt";
    assertEquals(400, mesh.http("PUT", "/api/products/orders/misspelt",
        ContractText.keyed("orders", "misspelt", "1.0.0", "status status varchr(20)")).statusCode());

    String sql = "SELECT origin, message FROM tributary.rejected_contracts WHERE origin = '" + origin + "'";
    try (Connection jdbc = mesh.connect(); Connection flight = mesh.flight()) {
      List<String> rows = Rows.of(jdbc, sql);
      assertEquals(1, rows.size(), rows.toString());
      assertTrue(rows.get(0).startsWith(origin + " | " + origin + ": schema[0].properties[1].physicalType: `varchr(20)`"
          + " is not a supported type"), rows.get(0));
      assertEquals(rows, Rows.of(flight, sql));
    }
  }
}
