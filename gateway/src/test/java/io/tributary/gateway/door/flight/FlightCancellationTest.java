package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Eventually;
import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Gateway;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.apache.arrow.flight.CancelFlightInfoRequest;
import org.apache.arrow.flight.CancelStatus;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.junit.jupiter.api.Test;

/** A cancelled query stops, in the gateway and in the store, releases its memory, and the door keeps answering. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
class FlightCancellationTest {

  @Test
  void cancelFlightInfoStopsARunningQueryInTheStoreWhileTheClientIsNotReading() throws Exception {
    Gateway gateway = TypeLab.gateway();
    try (ArrowClient client = new ArrowClient(gateway.flightPort())) {
      FlightInfo info = client.execute(FlightStreamingTest.ENDLESS);
      try (FlightStream stream = client.stream(info)) {
        assertTrue(stream.next());
        Thread.sleep(1_000); // the client's flow-control window fills; the gateway then waits for it to read
        assertEquals(1, TypeLab.storeQueriesInProgress());

        assertEquals(CancelStatus.CANCELLED,
            client.sql().cancelFlightInfo(new CancelFlightInfoRequest(info), client.token()).getStatus());
        Eventually.until(Duration.ofSeconds(10), TypeLab::storeQueriesInProgress, busy -> busy == 0);
        Eventually.until(Duration.ofSeconds(10), gateway::flightArrowBytes, bytes -> bytes == 0L);
        FlightRuntimeException e = assertThrows(FlightRuntimeException.class, () -> {
          while (stream.next()) {
            // drain what was already sent
          }
        });
        assertEquals(FlightStatusCode.CANCELLED, e.status().code());
      }
      assertEquals(CancelStatus.NOT_CANCELLABLE,
          client.sql().cancelFlightInfo(new CancelFlightInfoRequest(info), client.token()).getStatus(),
          "the query is gone");
      assertEquals(TypeLab.BATCH_ROWS, client.read(client.execute("SELECT n FROM lab.numbers")).batches().get(0));
    }
  }

  @Test
  void jdbcStatementCancelStopsAJoinAcrossDomainsAndTheConnectionAnswersAgain() throws Exception {
    Gateway gateway = FederatedMesh.get().gateway();
    try (Connection flight = ArrowClient.jdbc(gateway.flightPort())) {
      // 20,000 orders x 2,000 customers, joined in the gateway.
      try (Statement statement = flight.createStatement();
           ResultSet rs = statement.executeQuery("SELECT o.id, c.name FROM orders.orders o CROSS JOIN customers.customers c")) {
        for (int i = 0; i < 10_000; i++) {
          assertTrue(rs.next());
        }
        statement.cancel();
      }
      Eventually.until(Duration.ofSeconds(10), gateway::flightArrowBytes, bytes -> bytes == 0L);

      try (Statement statement = flight.createStatement();
           ResultSet rs = statement.executeQuery("SELECT count(*) FROM orders.orders")) {
        assertTrue(rs.next());
        assertEquals(20_000, rs.getInt(1));
      }
    }
  }
}
