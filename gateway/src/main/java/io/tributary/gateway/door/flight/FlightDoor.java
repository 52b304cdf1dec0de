package io.tributary.gateway.door.flight;

import io.tributary.gateway.config.FlightConfig;
import io.tributary.gateway.door.PortUnavailableException;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.security.Authenticator;
import java.io.IOException;
import java.sql.SQLException;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Arrow Flight SQL door, for clients that want results as Arrow record batches (pyarrow,
 * pandas, Polars, DuckDB, the Arrow Flight SQL JDBC driver). Clients log in with basic
 * authentication and get a bearer token for the calls that follow.
 */
public final class FlightDoor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlightDoor.class);

  private final BufferAllocator allocator;
  private final GatewaySqlProducer producer;
  private final FlightServer server;

  private FlightDoor(BufferAllocator allocator, GatewaySqlProducer producer, FlightServer server) {
    this.allocator = allocator;
    this.producer = producer;
    this.server = server;
  }

  /** Listens on {@code bind} and the configured port (0 picks a free one) until closed. */
  public static FlightDoor open(Engine engine, String bind, FlightConfig config, Authenticator authenticator)
      throws SQLException {
    BufferAllocator allocator = new RootAllocator();
    GatewaySqlProducer producer = null;
    try {
      producer = new GatewaySqlProducer(engine, allocator, config.batchRows());
      FlightServer server = FlightServer.builder(allocator, Location.forGrpcInsecure(bind, config.port()), producer)
          .headerAuthenticator(BasicLogin.withBearerTokens(authenticator))
          .middleware(FlightWarnings.KEY, new FlightWarnings.Factory())
          .build();
      server.start();
      return new FlightDoor(allocator, producer, server);
    } catch (IOException e) {
      close(producer, allocator);
      throw new PortUnavailableException("Flight SQL door", bind, config.port(), "gateway.flight.port", e);
    } catch (SQLException | RuntimeException e) {
      close(producer, allocator);
      throw e;
    }
  }

  public int port() {
    return server.getPort();
  }

  /** Arrow memory held by running results now: the record batches being filled or sent. */
  public long arrowBytes() {
    return allocator.getAllocatedMemory();
  }

  @Override
  public void close() {
    producer.close(); // stops running results first: the server waits for open calls to end
    try {
      server.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeAllocator(allocator);
  }

  private static void close(GatewaySqlProducer producer, BufferAllocator allocator) {
    if (producer != null) {
      producer.close();
    }
    closeAllocator(allocator);
  }

  private static void closeAllocator(BufferAllocator allocator) {
    try {
      allocator.close();
    } catch (IllegalStateException leak) {
      LOG.warn("Flight SQL door closed with Arrow memory still allocated: {}", leak.getMessage());
    }
  }
}
