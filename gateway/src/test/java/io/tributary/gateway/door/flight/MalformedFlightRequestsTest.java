package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Rows;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallOptions;
import org.apache.arrow.flight.FlightCallHeaders;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.HeaderCallOption;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionClosePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementRequest;
import org.apache.arrow.flight.sql.impl.FlightSql.ActionCreatePreparedStatementResult;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandPreparedStatementQuery;
import org.apache.arrow.flight.sql.impl.FlightSql.TicketStatementQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Flight requests no Flight SQL client sends: each fails at once with the status that says what is
 * wrong (a malformed request is INVALID_ARGUMENT, a handle that is gone NOT_FOUND, a login that is
 * not one UNAUTHENTICATED), never UNKNOWN or INTERNAL, which would mean the door itself broke; and
 * the door goes on serving real clients.
 */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException
class MalformedFlightRequestsTest {
  /** A call past this fails with DEADLINE_EXCEEDED, which no assertion here accepts. */
  private static final CallOption WITHIN = CallOptions.timeout(10, TimeUnit.SECONDS);

  @AfterEach
  void theDoorStillServesRealClients() throws Exception {
    try (ArrowClient client = client()) {
      assertEquals(List.of("2000"), client.read(client.execute("SELECT count(*) FROM customers.customers")).rows());
    }
    try (Connection c = ArrowClient.jdbc(FederatedMesh.get().gateway().flightPort())) {
      assertEquals(List.of("1"), Rows.of(c, "SELECT 1"));
    }
  }

  @Test
  void aDescriptorWhoseCommandIsGarbageIsAnInvalidArgument() throws Exception {
    byte[] garbage = new byte[512];
    new Random(7).nextBytes(garbage);
    try (ArrowClient client = client()) {
      assertStatus(FlightStatusCode.INVALID_ARGUMENT,
          () -> client.flight().getInfo(FlightDescriptor.command(garbage), client.token(), WITHIN));
    }
  }

  @Test
  void aDescriptorNamingACommandFlightSqlDoesNotKnowIsAnInvalidArgument() throws Exception {
    Any unknown = Any.newBuilder().setTypeUrl("type.googleapis.com/arrow.flight.protocol.sql.CommandDropEverything")
        .setValue(ByteString.copyFromUtf8("please")).build();
    try (ArrowClient client = client()) {
      assertStatus(FlightStatusCode.INVALID_ARGUMENT,
          () -> client.flight().getInfo(FlightDescriptor.command(unknown.toByteArray()), client.token(), WITHIN));
    }
  }

  @Test
  void aTicketThatIsGarbageIsAnInvalidArgument() throws Exception {
    try (ArrowClient client = client()) {
      assertStatus(FlightStatusCode.INVALID_ARGUMENT, () -> drain(client, new Ticket(new byte[] {1, 2, 3, (byte) 0xff})));
    }
  }

  @Test
  void aTicketForAStatementThatDoesNotExistIsNotFound() throws Exception {
    Ticket made = new Ticket(Any.pack(TicketStatementQuery.newBuilder()
        .setStatementHandle(ByteString.copyFromUtf8("no such statement")).build()).toByteArray());
    try (ArrowClient client = client()) {
      FlightRuntimeException e = assertStatus(FlightStatusCode.NOT_FOUND, () -> drain(client, made));

      assertTrue(e.status().description().contains("prepare the statement again"), e.status().description());
    }
  }

  @Test
  void aPreparedStatementHandleThatWasClosedIsNotFound() throws Exception {
    try (ArrowClient client = client()) {
      ByteString handle = prepare(client, "SELECT id FROM customers.customers WHERE id = 1");
      action(client, "ClosePreparedStatement",
          Any.pack(ActionClosePreparedStatementRequest.newBuilder().setPreparedStatementHandle(handle).build()));
      byte[] command = Any.pack(CommandPreparedStatementQuery.newBuilder().setPreparedStatementHandle(handle).build())
          .toByteArray();

      assertStatus(FlightStatusCode.NOT_FOUND,
          () -> client.flight().getInfo(FlightDescriptor.command(command), client.token(), WITHIN));
      assertStatus(FlightStatusCode.NOT_FOUND, () -> drain(client, new Ticket(command)));
    }
  }

  @Test
  void anActionFlightSqlDoesNotKnowIsRefusedAsInvalid() throws Exception {
    try (ArrowClient client = client()) {
      assertStatus(FlightStatusCode.INVALID_ARGUMENT,
          () -> client.flight().doAction(new Action("DropAllTables", new byte[0]), client.token(), WITHIN).next());
    }
  }

  @Test
  void aPrepareActionWhoseBodyIsGarbageIsAnInvalidArgument() throws Exception {
    try (ArrowClient client = client()) {
      assertStatus(FlightStatusCode.INVALID_ARGUMENT, () -> client.flight()
          .doAction(new Action("CreatePreparedStatement", new byte[] {0x0a, 0x7f, 0x01}), client.token(), WITHIN).next());
    }
  }

  @Test
  void aLoginThatIsNoBasicCredentialIsUnauthenticated() throws Exception {
    try (ArrowClient client = client()) {
      for (String authorization : List.of("Basic %%% not base64 %%%",
          "Basic " + Base64.getEncoder().encodeToString("no colon".getBytes(StandardCharsets.UTF_8)),
          "Bearer a-token-nobody-issued", "Negotiate \u0000\u0001")) {
        FlightCallHeaders headers = new FlightCallHeaders();
        headers.insert("authorization", authorization);
        FlightRuntimeException e = assertStatus(FlightStatusCode.UNAUTHENTICATED, () -> client.flight()
            .getInfo(FlightDescriptor.command(new byte[0]), new HeaderCallOption(headers), WITHIN));
        assertTrue(e.status().description().contains("log in"), authorization + ": " + e.status().description());
      }
    }
  }

  private static ArrowClient client() throws Exception {
    return new ArrowClient(FederatedMesh.get().gateway().flightPort());
  }

  private static FlightRuntimeException assertStatus(FlightStatusCode expected, Executable call) {
    FlightRuntimeException e = assertThrows(FlightRuntimeException.class, call);
    assertEquals(expected, e.status().code(), e.status().description());
    String description = e.status().description();
    assertTrue(description != null && !description.isBlank() && !description.contains("Exception"),
        "a description a person reads, for " + expected + ": " + description);
    return e;
  }

  private static void drain(ArrowClient client, Ticket ticket) throws Exception {
    try (FlightStream stream = client.flight().getStream(ticket, client.token(), WITHIN)) {
      while (stream.next()) {
        // the error arrives as the stream's first message
      }
    }
  }

  private static ByteString prepare(ArrowClient client, String sql) throws Exception {
    Result result = action(client, "CreatePreparedStatement",
        Any.pack(ActionCreatePreparedStatementRequest.newBuilder().setQuery(sql).build())).get(0);
    return Any.parseFrom(result.getBody()).unpack(ActionCreatePreparedStatementResult.class).getPreparedStatementHandle();
  }

  private static List<Result> action(ArrowClient client, String type, Any body) {
    Iterator<Result> results = client.flight().doAction(new Action(type, body.toByteArray()), client.token(), WITHIN);
    List<Result> all = new java.util.ArrayList<>();
    results.forEachRemaining(all::add);
    return all;
  }
}
