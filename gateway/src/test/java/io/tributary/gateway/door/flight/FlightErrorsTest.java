package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.FederatedMesh;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

/** Failures reach Flight clients with the engine's message and a status from its SQLSTATE; the door keeps serving. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
class FlightErrorsTest {

  @Test
  void unknownTableArrivesWithTheEnginesMessageAsInvalidArgument() throws Exception {
    FlightRuntimeException e = fails("SELECT * FROM customers.custmers");

    assertEquals(FlightStatusCode.INVALID_ARGUMENT, e.status().code());
    assertEquals("Table `custmers` is not published by domain `customers` (owner: crm); did you mean `customers`?"
        + " Published tables: customers (line 1, column 15)", e.status().description());
  }

  @Test
  void jdbcDriverShowsTheSameMessageAndTheDoorAnswersAfterwards() throws Exception {
    try (Connection flight = ArrowClient.jdbc(FederatedMesh.get().gateway().flightPort());
         Statement statement = flight.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT nme FROM customers.customers"));
      assertTrue(e.getMessage().contains("Column 'nme' not found in any table; did you mean `name`?"), e.getMessage());

      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM customers.customers")) {
        assertTrue(rs.next());
        assertEquals(2_000, rs.getInt(1));
      }
    }
  }

  @Test
  void syntaxErrorNamesWhereItBreaks() throws Exception {
    FlightRuntimeException e = fails("SELEC 1");

    assertEquals(FlightStatusCode.INVALID_ARGUMENT, e.status().code());
    assertTrue(e.status().description().startsWith("Syntax error: "), e.status().description());
    assertTrue(e.status().description().endsWith("(line 1, column 1)"), e.status().description());
  }

  @Test
  void storeThatIsDownIsUnavailableNamingTheDomain() throws Exception {
    FlightRuntimeException e = fails("SELECT * FROM archive.invoices");

    assertEquals(FlightStatusCode.UNAVAILABLE, e.status().code());
    assertTrue(e.status().description().contains("domain `archive` is unreachable"), e.status().description());
  }

  @Test
  void columnOfATypeArrowCannotCarrySaysWhatToCastTo() throws Exception {
    FlightRuntimeException e = fails("SELECT INTERVAL '1' DAY AS wait FROM (VALUES (1))");

    assertEquals(FlightStatusCode.INVALID_ARGUMENT, e.status().code());
    assertTrue(e.status().description().startsWith("column 1 has SQL type INTERVAL_DAY, which the Arrow Flight SQL"
        + " door cannot send yet; CAST it to"), e.status().description());
  }

  @Test
  void clientWithoutCredentialsIsToldHowToLogIn() throws Exception {
    try (RootAllocator allocator = new RootAllocator();
         FlightClient anonymous = FlightClient.builder(allocator,
             Location.forGrpcInsecure("127.0.0.1", FederatedMesh.get().gateway().flightPort())).build();
         FlightSqlClient sql = new FlightSqlClient(anonymous)) {
      FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> sql.execute("SELECT 1"));

      assertEquals(CallStatus.UNAUTHENTICATED.code(), e.status().code());
      assertTrue(e.status().description().startsWith("log in with a user name and password"), e.status().description());
    }
  }

  @Test
  void severalParameterRowsAtOnceAreRefusedSayingWhatToSend() throws Exception {
    try (ArrowClient client = new ArrowClient(FederatedMesh.get().gateway().flightPort());
         RootAllocator allocator = new RootAllocator()) {
      FlightSqlClient.PreparedStatement statement =
          client.sql().prepare("SELECT name FROM customers.customers WHERE id = ?", client.token());
      try (VectorSchemaRoot parameters = VectorSchemaRoot.create(statement.getParameterSchema(), allocator)) {
        IntVector ids = (IntVector) parameters.getVector(0);
        ids.allocateNew(2);
        ids.set(0, 1);
        ids.set(1, 2);
        parameters.setRowCount(2);
        statement.setParameters(parameters);

        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> statement.execute(client.token()));
        assertEquals(FlightStatusCode.INVALID_ARGUMENT, e.status().code());
        assertEquals("got more than one row of parameters; bind exactly one row per execution", e.status().description());
      } finally {
        statement.close(client.token()); // closing needs the bearer token too
      }
    }
  }

  private static FlightRuntimeException fails(String sql) throws Exception {
    try (ArrowClient client = new ArrowClient(FederatedMesh.get().gateway().flightPort())) {
      return assertThrows(FlightRuntimeException.class, () -> client.read(client.execute(sql)));
    }
  }
}
