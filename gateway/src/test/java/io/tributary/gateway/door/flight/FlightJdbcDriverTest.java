package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries through the Arrow Flight SQL JDBC driver answer what the JDBC door answers. */
class FlightJdbcDriverTest {
  private static final String JOIN = "SELECT c.country, count(*) AS orders, sum(o.total) AS revenue"
      + " FROM orders.orders o JOIN customers.customers c ON o.customer_id = c.id"
      + " WHERE o.status = 'paid' GROUP BY c.country ORDER BY c.country";

  @Test
  void statementJoiningTwoDomainsAnswersLikeTheJdbcDoor() throws Exception {
    FederatedMesh mesh = FederatedMesh.get();
    try (Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort());
         Connection jdbc = mesh.connect();
         Statement statement = flight.createStatement();
         ResultSet rs = statement.executeQuery(JOIN)) {
      List<String> rows = Rows.read(rs);

      assertEquals(8, rows.size(), rows.toString());
      assertEquals(Rows.of(jdbc, JOIN), rows);
    }
  }

  @Test
  void preparedStatementBindsParametersAndRunsAgainWithNewOnes() throws Exception {
    FederatedMesh mesh = FederatedMesh.get();
    String sql = "SELECT id, name, email, signed_up FROM customers.customers WHERE country = ? AND id <= ? ORDER BY id";
    try (Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort());
         Connection jdbc = mesh.connect();
         PreparedStatement statement = flight.prepareStatement(sql)) {
      for (Object[] parameters : List.of(new Object[] {"DE", 100}, new Object[] {"FR", 1_000})) {
        statement.setString(1, (String) parameters[0]);
        statement.setInt(2, (Integer) parameters[1]);
        try (ResultSet rs = statement.executeQuery()) {
          List<String> rows = Rows.read(rs);

          assertTrue(rows.size() > 3, rows.toString());
          assertEquals(Rows.of(jdbc, sql, parameters), rows);
        }
      }
    }
  }

  @Test
  void nullsAndDatesArriveAsTheStoreHoldsThem() throws Exception {
    FederatedMesh mesh = FederatedMesh.get();
    try (Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort());
         PreparedStatement statement = flight.prepareStatement(
             "SELECT email, signed_up, vip FROM customers.customers WHERE id = ?")) {
      statement.setInt(1, 10); // every tenth customer has no e-mail address
      try (ResultSet rs = statement.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(null, rs.getString("email"));
        assertTrue(rs.wasNull());
        assertEquals(LocalDate.class, rs.getObject("signed_up", LocalDate.class).getClass());
      }
    }
  }
}
