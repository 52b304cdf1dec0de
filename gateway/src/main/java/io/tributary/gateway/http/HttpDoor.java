package io.tributary.gateway.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.tributary.gateway.door.PortUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's HTTP door: JSON APIs (the catalog's, the running queries'), health and metrics,
 * on the JDK's own HTTP server. It needs no dependency, and the traffic is a few small requests from domain teams'
 * pipelines and operators, not queries; Jetty, which Avatica brings, would buy nothing here.
 */
public final class HttpDoor implements AutoCloseable {
  /** Requests are small and quick; this many slow clients at once still leave the door open to others. */
  private static final int THREADS = 16;
  /**
   * A request must arrive whole (headers and body) within this many seconds, and its answer leave
   * within {@link #RESPONSE_SECONDS}: past that the JDK's server closes the connection, so a client
   * that trickles its upload (or never finishes its headers) holds a thread for no longer. The JDK
   * reads these once, when its HTTP server is first used in the JVM; a value set with {@code -D}
   * wins.
   */
  static final int REQUEST_SECONDS = 30;
  static final int RESPONSE_SECONDS = 60;

  static {
    setUnlessGiven("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
    setUnlessGiven("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
  }

  private final HttpServer server;
  private final ExecutorService threads;

  private HttpDoor(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Listens on {@code bind:port} (0 picks a free port) and routes each path prefix to its handler.
   *
   * @throws PortUnavailableException when the port cannot be bound
   */
  public static HttpDoor open(String bind, int port, Map<String, HttpHandler> routes) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(bind, port), 0);
    } catch (IOException e) {
      throw new PortUnavailableException("HTTP door", bind, port, "gateway.http.port", e);
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

  private static void setUnlessGiven(String property, int seconds) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(seconds));
    }
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
