package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.deprecated;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.DataContract;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * A session that runs the same SQL again reuses its plan, and the reused plan behaves as a new
 * one would: it fails on a product retired since, carries the warnings of the tables it reads, and
 * a product published meanwhile is planned anew.
 */
class PlanCacheTest {
  @Test
  void theSameTextAgainOnAConnectionIsNotParsedOrPlannedAgain() throws SQLException {
    ProductMesh mesh = ProductMesh.get();
    DataContract reused = publishSegments(mesh, "reused");
    String sql = "SELECT count(*) FROM crm.reused WHERE cohort = 'loyal'";
    try (Connection c = mesh.connect()) {
      List<String> first = Rows.of(c, sql);
      AtomicInteger parsed = new AtomicInteger();
      try (Hook.Closeable counting = Hook.PARSE_TREE.add((Object[] tree) -> parsed.incrementAndGet())) {
        assertEquals(first, Rows.of(c, sql));
        assertEquals(first, Rows.of(c, sql));
        assertEquals(0, parsed.get(), "no statement was parsed");

        Rows.of(c, sql.replace("'loyal'", "'new'"));
        assertEquals(1, parsed.get(), "another text is planned");
      }
    } finally {
      mesh.gateway().engine().products().retire(reused.id());
    }
  }

  @Test
  void aReusedPlanOverAProductRetiredSinceFailsAsPlanningWould() throws SQLException {
    ProductMesh mesh = ProductMesh.get();
    DataContract cached = publishSegments(mesh, "cached");
    try (Connection c = mesh.connect()) {
      String sql = "SELECT cohort FROM crm.cached ORDER BY 1";
      assertEquals(List.of("loyal", "new"), Rows.of(c, sql));
      assertEquals(List.of("loyal", "new"), Rows.of(c, sql));

      mesh.gateway().engine().products().retire(cached.id());

      SQLException retired = assertThrows(SQLException.class, () -> Rows.of(c, sql));
      assertEquals("42P01", retired.getSQLState(), retired.getMessage());
    }
  }

  @Test
  void aReusedPlanCarriesTheWarningsOfWhatItReads() throws SQLException {
    ProductMesh mesh = ProductMesh.get();
    DataContract old = deprecated(contract("crm", "warned", "1.0.0", Access.PUBLIC,
        table("warned", "segments", column("cohort", "segment", VARCHAR, 20, -1, true))),
        LocalDate.of(2099, 1, 1), "crm.segments_v2");
    mesh.publish(old);
    try (Connection c = mesh.connect(); Statement statement = c.createStatement()) {
      for (int run = 0; run < 2; run++) {
        try (ResultSet rs = statement.executeQuery("SELECT cohort FROM crm.warned")) {
          SQLWarning warning = statement.getWarnings();
          assertTrue(warning != null && warning.getMessage().contains("deprecated"), "run " + run + ": " + warning);
        }
      }
    } finally {
      mesh.gateway().engine().products().retire(old.id());
    }
  }

  /** Publishes crm's segments table as product {@code name}, version 1.0.0, with its one column. */
  private static DataContract publishSegments(ProductMesh mesh, String name) {
    DataContract contract = contract("crm", name, "1.0.0", Access.PUBLIC,
        table(name, "segments", column("cohort", "segment", VARCHAR, 20, -1, true)));
    mesh.publish(contract);
    return contract;
  }
}
