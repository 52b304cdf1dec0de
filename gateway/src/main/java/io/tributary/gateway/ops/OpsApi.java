package io.tributary.gateway.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tributary.adapter.spi.Health;
import io.tributary.gateway.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators and their tools call on the HTTP door:
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the gateway runs;
 *   <li>{@code GET /health/ready}: each domain's store UP or DOWN; 200 while at least one domain
 *       answers (a gateway with one store down still serves the others), 503 when none does.
 *       {@code ?domain=<name>} asks about one domain: 200 if it answers, 503 if not;
 *   <li>{@code GET /metrics}: the Prometheus text format;
 *   <li>{@code GET /api/queries}: the queries running and recently ended, as
 *       {@code tributary.queries} lists them;
 *   <li>{@code POST /api/queries/{id}/cancel}: stops a query, as
 *       {@code CALL tributary.cancel_query('id')} does.
 * </ul>
 */
public final class OpsApi implements HttpHandler {
  /** The path prefixes to route here. */
  public static final List<String> CONTEXTS = List.of("/health", "/metrics", "/api/queries");
  private static final Pattern CANCEL = Pattern.compile("/api/queries/([^/]+)/cancel");
  private static final String ROUTES = "GET /health/live, GET /health/ready[?domain=<name>], GET /metrics,"
      + " GET /api/queries and POST /api/queries/{id}/cancel";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);

  private final Engine engine;
  private final PrometheusMeterRegistry metrics;
  private final DomainHealth health;
  private final ObjectMapper json = new ObjectMapper();

  public OpsApi(Engine engine, PrometheusMeterRegistry metrics, DomainHealth health) {
    this.engine = engine;
    this.metrics = metrics;
    this.health = health;
    for (var domain : engine.catalog().domains()) {
      Gauge.builder("tributary.domain.up", () -> health.now().getOrDefault(domain.name(), Health.down("")).isUp() ? 1 : 0)
          .description("1 while the domain's store answers, 0 while it does not").tag("domain", domain.name())
          .register(metrics);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery());
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        reply = error(500, "the gateway failed to answer (" + e + "); its log has the details");
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Reply route(String method, String path, String query) throws IOException {
    String trimmed = path.replaceAll("/+$", "");
    Matcher cancel = CANCEL.matcher(trimmed);
    if (cancel.matches()) {
      return method.equals("POST") ? cancel(cancel.group(1)) : notAllowed(method, "POST");
    }
    if (!method.equals("GET")) {
      return notAllowed(method, "GET");
    }
    return switch (trimmed) {
      case "/health/live" -> json(200, Map.of("status", "UP"));
      case "/health/ready" -> ready(query);
      case "/metrics" -> new Reply(200, PROMETHEUS_TEXT, metrics.scrape());
      case "/api/queries" -> json(200, Map.of("queries", engine.queries()));
      default -> error(404, "no resource at " + path + "; this part of the HTTP API serves " + ROUTES);
    };
  }

  private Reply ready(String query) throws IOException {
    Map<String, Health> domains = health.now();
    if (query != null && query.startsWith("domain=")) {
      String domain = query.substring("domain=".length());
      Health one = domains.get(domain);
      if (one == null) {
        return error(404, "no domain `" + domain + "`; the gateway serves " + domains.keySet());
      }
      return json(one.isUp() ? 200 : 503, Map.of("domain", domain, "status", one.status().name(), "detail", one.detail()));
    }
    Map<String, Object> listed = new LinkedHashMap<>();
    domains.forEach((name, h) -> listed.put(name, Map.of("status", h.status().name(), "detail", h.detail())));
    long up = domains.values().stream().filter(Health::isUp).count();
    String status = up == domains.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("domains", listed);
    return json(up > 0 || domains.isEmpty() ? 200 : 503, body);
  }

  private Reply cancel(String queryId) throws IOException {
    boolean known = engine.queries().stream().anyMatch(listed -> queryId.equals(listed.get("query_id")));
    String outcome = engine.cancel(queryId);
    LOG.info("query {}: cancel requested over HTTP: {}", queryId, outcome);
    return json(known ? 200 : 404, Map.of("query_id", queryId, "outcome", outcome));
  }

  private Reply json(int status, Object body) throws IOException {
    return new Reply(status, "application/json; charset=utf-8", json.writeValueAsString(body));
  }

  private Reply error(int status, String message) throws IOException {
    return json(status, Map.of("error", message));
  }

  private Reply notAllowed(String method, String allowed) throws IOException {
    return error(405, method + " is not allowed here; use " + allowed);
  }

  private record Reply(int status, String contentType, String body) {}
}
