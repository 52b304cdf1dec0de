package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.catalog.contract.Access;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A data product over a Kafka topic: the contract renames a topic table's columns, planned as a scan in the gateway. */
class KafkaProductTest {
  private static final String PREFIX = "products_test_";

  private static KafkaMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    mesh = KafkaMesh.start(PREFIX);
    mesh.gateway().engine().products().publish(contract("logistics", "deliveries", "1.0.0", Access.PUBLIC,
        table("deliveries", PREFIX + "shipments", column("tracking_code", "tracking", VARCHAR, false),
            column("customer", "customer_id", INTEGER, false))));
    mesh.gateway().engine().contracts().checkNow();
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void productOverATopicRenamesItsColumnsAndJoinsAPostgresTable() throws Exception {
    mesh.send(PREFIX + "shipments", "s1", "{\"tracking\": \"T1\", \"customer_id\": 2, \"carrier\": \"DHL\"}");
    mesh.send(PREFIX + "shipments", "s2", "{\"tracking\": \"T2\", \"customer_id\": 1, \"carrier\": \"UPS\"}");
    String sql = "SELECT d.tracking_code, c.name FROM logistics.deliveries d JOIN customers.customers c"
        + " ON c.id = d.customer ORDER BY d.tracking_code";
    try (Connection c = mesh.connect()) {
      List<String> rows = Eventually.until(Duration.ofSeconds(10), () -> Rows.of(c, sql), r -> r.size() == 2);

      assertEquals(List.of("T1 | Customer 2", "T2 | Customer 1"), rows);
      assertEquals(List.of("tracking_code | customer"), List.of(String.join(" | ",
          Rows.of(c, "SELECT column_name FROM tributary.columns WHERE product = 'deliveries' ORDER BY ordinal_position"))));
      assertEquals(List.of("ok"), Rows.of(c, "SELECT state FROM tributary.data_products WHERE product = 'deliveries'"));
    }
  }
}
