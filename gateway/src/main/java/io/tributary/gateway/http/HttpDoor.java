package io.tributary.gateway.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's HTTP door: JSON APIs (the catalog's now, admin later) on the JDK's own HTTP
 * server. It needs no dependency, and the traffic is a few small requests from domain teams'
 * pipelines and operators, not queries; Jetty, which Avatica brings, would buy nothing here.
 */
public final class HttpDoor implements AutoCloseable {
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;

  private HttpDoor(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Listens on {@code bind:port} (0 picks a free port) and routes each path prefix to its handler.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static HttpDoor open(String bind, int port, Map<String, HttpHandler> routes) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("the HTTP door cannot listen on " + bind + ":" + port + " (" + e.getMessage()
          + "); free the port or set gateway.http.port to another one (0 picks a free port)", e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, r -> {
      Thread thread = new Thread(r, "http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    routes.forEach(server::createContext);
    server.setExecutor(threads);
    server.start();
    return new HttpDoor(server, threads);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
