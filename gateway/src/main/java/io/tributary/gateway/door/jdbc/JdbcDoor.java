package io.tributary.gateway.door.jdbc;

import io.tributary.gateway.config.LimitsConfig;
import io.tributary.gateway.door.PortUnavailableException;
import io.tributary.gateway.engine.Engine;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The JDBC door: Avatica's HTTP protocol with protobuf serialization, which the thin driver
 * ({@code jdbc:tributary://host:port}) speaks, plus the driver's cancel requests. Translates the
 * protocol and nothing else.
 */
public final class JdbcDoor implements AutoCloseable {
  private final HttpServer server;

  private JdbcDoor(HttpServer server) {
    this.server = server;
  }

  /** Listens on {@code bind:port} (port 0 picks a free one) until closed. */
  public static JdbcDoor open(Engine engine, String bind, int port, LimitsConfig limits) throws SQLException {
    GatewayMeta meta = new GatewayMeta(engine, limits);
    // Avatica's builder has no host option and would listen on every interface.
    ServerCustomizer<Server> bindHost = server -> {
      for (Connector connector : server.getConnectors()) {
        if (connector instanceof ServerConnector serverConnector) {
          serverConnector.setHost(bind);
        }
      }
    };
    ServerCustomizer<Server> frontDesk = server -> {
      DoorHandler front = new DoorHandler(meta);
      front.setHandler(server.getHandler());
      server.setHandler(front);
    };
    HttpServer server = new HttpServer.Builder<Server>()
        .withHandler(new ProtobufEndpoint(new LocalService(meta)))
        .withPort(port)
        .withServerCustomizers(List.of(bindHost, frontDesk), Server.class)
        .build();
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      throw new PortUnavailableException("JDBC door", bind, port, "gateway.jdbc.port", e);
    }
    return new JdbcDoor(server);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
  }
}
