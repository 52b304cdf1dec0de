package io.tributary.gateway.door.flight;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The two real clients the tests use: the Arrow Flight SQL JDBC driver, and Arrow's own Java
 * Flight SQL client for what JDBC hides (Arrow types, batches, cancellation by FlightInfo).
 */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams
public final class ArrowClient implements AutoCloseable {
  static final String USER = "analyst";

  private final BufferAllocator allocator = new RootAllocator();
  private final FlightClient flight;
  private final FlightSqlClient sql;
  private final CallOption token;

  public ArrowClient(int port) {
    flight = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port)).build();
    sql = new FlightSqlClient(flight);
    token = flight.authenticateBasicToken(USER, "any password").orElseThrow();
  }

  /** A JDBC connection through the Arrow Flight SQL JDBC driver, as a BI tool or notebook opens it. */
  public static Connection jdbc(int port) throws SQLException {
    return DriverManager.getConnection("jdbc:arrow-flight-sql://127.0.0.1:" + port
        + "?useEncryption=false&user=" + USER + "&password=any");
  }

  /** The plain Flight client underneath, for requests no Flight SQL client would send. */
  FlightClient flight() {
    return flight;
  }

  FlightSqlClient sql() {
    return sql;
  }

  /** The bearer token from the handshake, to pass with every call. */
  CallOption token() {
    return token;
  }

  public FlightInfo execute(String query) {
    return sql.execute(query, token);
  }

  FlightStream stream(FlightInfo info) {
    return sql.getStream(info.getEndpoints().get(0).getTicket(), token);
  }

  /** Every row of the first endpoint, tab-separated, and the row count of each batch. */
  public Result read(FlightInfo info) throws Exception {
    try (FlightStream stream = stream(info)) {
      List<Integer> batches = new ArrayList<>();
      StringBuilder rows = new StringBuilder();
      while (stream.next()) {
        VectorSchemaRoot batch = stream.getRoot();
        batches.add(batch.getRowCount());
        rows.append(batch.contentToTSVString().lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
      }
      return new Result(stream.getSchema(), rows.toString().lines().toList(), batches);
    }
  }

  @Override
  public void close() {
    try {
      sql.close(); // closes the Flight client with it
    } catch (Exception e) {
      throw new IllegalStateException("closing the Flight SQL client failed", e);
    }
    allocator.close();
  }

  /** A result as the client received it. */
  public record Result(org.apache.arrow.vector.types.pojo.Schema schema, List<String> rows, List<Integer> batches) {}
}
