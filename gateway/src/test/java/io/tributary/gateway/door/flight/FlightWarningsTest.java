package io.tributary.gateway.door.flight;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.deprecated;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.gateway.ProductMesh;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightClientMiddleware;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A query's warnings reach Flight clients as the headers of the stream of its rows, as JDBC clients get SQLWarnings. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
class FlightWarningsTest {
  private static final String DEPRECATED = "SELECT count(*) FROM crm.warned_visitors_v1";
  private static ProductMesh mesh;

  @BeforeAll
  static void publish() throws SQLException {
    mesh = ProductMesh.get();
    mesh.publish(deprecated(contract("crm", "warned_visitors", "1.0.0", Access.PUBLIC,
        table("warned_visitors", "crm_customers", column("visitor_id", "cust_id", INTEGER, true))),
        LocalDate.of(2031, 6, 30), "crm.visitors_v2"));
  }

  @Test
  void deprecationWarningArrivesAsAHeaderOfTheStreamAsTheJdbcDoorsSqlWarning() throws Exception {
    List<String> flight = warningsOver(DEPRECATED);

    assertEquals(1, flight.size(), flight.toString());
    assertTrue(flight.get(0).contains("deprecated") && flight.get(0).contains("crm.visitors_v2")
        && flight.get(0).contains("2031-06-30"), flight.get(0));
    try (Connection jdbc = mesh.connect(); Statement statement = jdbc.createStatement()) {
      statement.executeQuery(DEPRECATED).close();
      SQLWarning warning = statement.getWarnings();
      assertEquals(flight.get(0), warning == null ? null : warning.getMessage());
    }
  }

  @Test
  void queryOfNothingDegradedSendsNoWarning() throws Exception {
    assertEquals(List.of(), warningsOver("SELECT count(*) FROM crm.customers"));
  }

  /** Runs {@code sql} with Arrow's Flight SQL client and returns the warning headers of its DoGet. */
  private static List<String> warningsOver(String sql) throws Exception {
    Headers headers = new Headers();
    try (BufferAllocator allocator = new RootAllocator();
         FlightClient client = FlightClient.builder(allocator,
             Location.forGrpcInsecure("127.0.0.1", mesh.gateway().flightPort())).intercept(headers).build()) {
      FlightSqlClient flightSql = new FlightSqlClient(client);
      var token = client.authenticateBasicToken("analyst", "any").orElseThrow();
      FlightInfo info = flightSql.execute(sql, token);
      headers.received.clear(); // only the DoGet's
      try (FlightStream stream = flightSql.getStream(info.getEndpoints().get(0).getTicket(), token)) {
        while (stream.next()) {
          assertEquals(1, stream.getRoot().getRowCount());
        }
      }
      return headers.received;
    }
  }

  /** Collects the warning headers of every call the client makes. */
  private static final class Headers implements FlightClientMiddleware.Factory {
    final List<String> received = Collections.synchronizedList(new ArrayList<>());

    @Override
    public FlightClientMiddleware onCallStarted(CallInfo info) {
      return new FlightClientMiddleware() {
        @Override
        public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
          // nothing to add
        }

        @Override
        public void onHeadersReceived(CallHeaders incomingHeaders) {
          Iterable<byte[]> values = incomingHeaders.getAllByte(FlightWarnings.HEADER); // null when none
          if (values != null) {
            values.forEach(v -> received.add(new String(v, StandardCharsets.UTF_8)));
          }
        }

        @Override
        public void onCallCompleted(CallStatus status) {
          // nothing to do
        }
      };
    }
  }
}
