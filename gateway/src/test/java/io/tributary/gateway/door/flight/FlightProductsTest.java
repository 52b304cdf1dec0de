package io.tributary.gateway.door.flight;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.gateway.ProductMesh;
import io.tributary.gateway.Rows;
import java.sql.Connection;
import java.util.List;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data products and their system tables answer Flight SQL clients as they answer JDBC ones. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its clients
class FlightProductsTest {
  private static ProductMesh mesh;

  @BeforeAll
  static void publish() throws Exception {
    mesh = ProductMesh.get();
    mesh.publish(contract("crm", "visitors", "1.0.0", Access.PUBLIC,
        table("visitors", "crm_customers", column("visitor_id", "cust_id", INTEGER, true),
            column("visitor", "full_name", VARCHAR, 100, -1, true))));
    mesh.publish(contract("shop", "baskets", "1.0.0", Access.PUBLIC,
        table("baskets", "purchases", column("buyer_id", "buyer", INTEGER, true))));
    mesh.publish(contract("crm", "ghosts", "1.0.0", Access.PUBLIC,
        table("ghosts", "no_such_table", column("ghost_id", "id", INTEGER, true))));
  }

  @Test
  void productAndItsCatalogRowsAnswerOverFlight() throws Exception {
    try (Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort())) {
      assertEquals(List.of("1 | Ada", "2 | Bob"),
          Rows.of(flight, "SELECT visitor_id, visitor FROM crm.visitors WHERE visitor_id < 3 ORDER BY 1"));
      assertEquals(List.of("1.0.0 | ok | crm.visitors, crm.visitors_v1"), Rows.of(flight,
          "SELECT version, state, sql_name FROM tributary.data_products WHERE product = 'visitors'"));
      assertEquals(List.of("visitor_id | INTEGER", "visitor | VARCHAR(100)"), Rows.of(flight,
          "SELECT column_name, type FROM tributary.columns WHERE product = 'visitors' ORDER BY ordinal_position"));

      assertEquals(List.of("Ada | 2", "Cy | 1"), Rows.of(flight, "SELECT v.visitor, count(*) FROM crm.visitors_v1 v"
          + " JOIN shop.baskets b ON b.buyer_id = v.visitor_id GROUP BY v.visitor ORDER BY 1"));
      assertEquals(List.of("1"), Rows.of(flight, "SELECT queries_together FROM tributary.table_usage"
          + " WHERE table_a = 'crm.visitors_v1' AND table_b = 'shop.baskets'"), "queries over Flight are counted too");
    }
  }

  @Test
  void brokenProductFailsOverFlightListingItsViolations() throws Exception {
    try (ArrowClient client = new ArrowClient(mesh.gateway().flightPort());
         Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort())) {
      FlightRuntimeException e = assertThrows(FlightRuntimeException.class,
          () -> client.execute("SELECT * FROM crm.ghosts"));

      assertEquals(FlightStatusCode.UNAVAILABLE, e.status().code());
      assertTrue(e.status().description().contains("data product `crm.ghosts` version 1.0.0 is broken")
          && e.status().description().contains("store table `no_such_table` does not exist in domain `crm`'s store"),
          e.status().description());
      assertEquals(List.of("ghosts | null"), Rows.of(flight,
          "SELECT table_name, column_name FROM tributary.contract_violations WHERE product = 'ghosts'"));
    }
  }
}
