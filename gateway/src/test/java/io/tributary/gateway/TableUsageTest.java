package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.catalog.contract.Access;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** tributary.table_usage: which tables the gateway's own queries read together. */
class TableUsageTest {
  private static final String USES = "SELECT table_b, queries_together, last_used IS NOT NULL"
      + " FROM tributary.table_usage WHERE table_a = ? ORDER BY table_b NULLS FIRST";

  private static Connection gateway;

  @BeforeAll
  static void publish() throws SQLException {
    ProductMesh mesh = ProductMesh.get();
    mesh.publish(contract("crm", "people", "1.0.0", Access.PUBLIC,
        table("people", "crm_customers", column("person_id", "cust_id", INTEGER, true),
            column("name", "full_name", VARCHAR, 100, -1, true))));
    mesh.publish(contract("shop", "sales", "1.0.0", Access.PUBLIC,
        table("sales", "purchases", column("buyer_id", "buyer", INTEGER, true),
            column("amount", "amount", DECIMAL, 10, 2, true))));
    gateway = mesh.connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
  }

  @Test
  void joinAcrossDomainsCountsForThePairAndForEachTable() throws SQLException {
    String join = "SELECT p.name, sum(s.amount) FROM crm.people p JOIN shop.sales s ON s.buyer_id = p.person_id"
        + " GROUP BY p.name ORDER BY p.name";

    assertEquals(List.of("Ada | 12.75", "Cy | 1"), Rows.of(gateway, join));
    assertEquals(List.of("null | 1 | true", "shop.sales | 1 | true"), Rows.of(gateway, USES, "crm.people"));
    assertEquals(List.of("null | 1 | true"), Rows.of(gateway, USES, "shop.sales"));

    Rows.of(gateway, join);
    Rows.of(gateway, "SELECT count(*) FROM crm.people_v1 a JOIN crm.people_v1 b ON a.person_id = b.person_id"
        + " JOIN tributary.data_products d ON d.major = 1");
    assertEquals(List.of("null | 2 | true", "shop.sales | 2 | true"), Rows.of(gateway, USES, "crm.people"));
    assertEquals(List.of("null | 1 | true"), Rows.of(gateway, USES, "crm.people_v1"),
        "a self-join reads one table, and system tables do not count");
  }
}
