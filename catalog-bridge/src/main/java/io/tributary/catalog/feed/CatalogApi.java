package io.tributary.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.IncompatibleContractException;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.Product;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP feed and the catalog's read API, JSON over HTTP:
 * <pre>
 * GET    /api/catalog                          every product, each version in brief
 * GET    /api/catalog/rejections               the latest contracts any feed refused, and why
 * GET    /api/products/{domain}/{product}      the served contract of each major
 * PUT    /api/products/{domain}/{product}      publish a contract (ODCS YAML or JSON body): 201 new major, 200 new minor
 * DELETE /api/products/{domain}/{product}      retire every version
 * </pre>
 * A refused contract answers 400 (or 409 when it keeps a major but breaks it) with
 * {@code {"error": "..."}} naming the path inside the contract and what was expected.
 */
public final class CatalogApi implements HttpHandler {
  /** The path prefixes to route here. */
  public static final List<String> CONTEXTS = List.of("/api/catalog", "/api/products");
  /** Far above any contract; a larger body is refused before it is read whole. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final String ROUTES = "GET /api/catalog, GET /api/catalog/rejections and"
      + " GET|PUT|DELETE /api/products/{domain}/{product}";
  private static final Logger LOG = LoggerFactory.getLogger(CatalogApi.class);

  private final ContractIntake intake;

  public CatalogApi(ContractIntake intake) {
    this.intake = intake;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Reply reply;
      try {
        reply = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestBody());
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        reply = Reply.error(500, "the gateway failed to answer (" + e + "); its log has the details");
      }
      byte[] body = CatalogJson.bytes(reply.body());
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      reply.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(reply.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private Reply route(String method, String path, InputStream body) throws IOException {
    String trimmed = path.replaceAll("/+$", "");
    String[] parts = trimmed.split("/");
    if (trimmed.equals("/api/catalog")) {
      return method.equals("GET") ? Reply.ok(CatalogJson.listing(intake.catalog().products().values()))
          : Reply.notAllowed(method, "GET");
    }
    if (trimmed.equals("/api/catalog/rejections")) {
      return method.equals("GET") ? Reply.ok(CatalogJson.rejections(intake.rejections().latest()))
          : Reply.notAllowed(method, "GET");
    }
    if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("products")) {
      String domain = parts[3];
      String product = parts[4];
      return switch (method) {
        case "GET" -> get(domain, product);
        case "PUT" -> put(domain, product, body);
        case "DELETE" -> delete(domain, product);
        default -> Reply.notAllowed(method, "GET, PUT, DELETE");
      };
    }
    return Reply.error(404, "no resource at " + path + "; the catalog API serves " + ROUTES);
  }

  private Reply get(String domain, String product) {
    return intake.catalog().product(domain, product).map(p -> Reply.ok(CatalogJson.product(p)))
        .orElseGet(() -> notServed(domain, product));
  }

  private Reply put(String domain, String product, InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
    if (bytes.length > MAX_BODY_BYTES) {
      return Reply.error(413, "the contract is larger than " + MAX_BODY_BYTES + " bytes; a contract describes"
          + " tables, it does not carry data");
    }
    String origin = "PUT /api/products/" + domain + "/" + product;
    try {
      CatalogChange change = intake.publish(origin, new String(bytes, StandardCharsets.UTF_8), contract -> {
        if (!contract.domain().equals(domain) || !contract.product().equals(product)) {
          throw new ContractException(origin, "", "the contract is of product " + contract.domain() + "."
              + contract.product() + " but the path names " + domain + "." + product + "; PUT it to /api/products/"
              + contract.domain() + "/" + contract.product());
        }
      });
      Product now = intake.catalog().product(domain, product).orElseThrow();
      ObjectNode json = CatalogJson.published(change, now);
      return change.kind() == CatalogChange.Kind.ADDED
          ? new Reply(201, json, Map.of("Location", "/api/products/" + domain + "/" + product)) : Reply.ok(json);
    } catch (IncompatibleContractException e) {
      ObjectNode json = CatalogJson.error(e.getMessage());
      ArrayNode breaks = json.putArray("breaks");
      e.breaks().forEach(breaks::add);
      return new Reply(409, json, Map.of());
    } catch (ContractException e) {
      return Reply.error(400, e.getMessage());
    }
  }

  private Reply delete(String domain, String product) {
    Optional<Product> served = intake.catalog().product(domain, product);
    if (served.isEmpty()) {
      return notServed(domain, product);
    }
    intake.retire("DELETE /api/products/" + domain + "/" + product, served.get().id());
    return Reply.ok(CatalogJson.retired(served.get()));
  }

  private static Reply notServed(String domain, String product) {
    return Reply.error(404, "no product " + domain + "." + product + " is served; GET /api/catalog lists them");
  }

  /** One answer: status, JSON body, extra headers. */
  private record Reply(int status, JsonNode body, Map<String, String> headers) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body, Map.of());
    }

    static Reply error(int status, String message) {
      return new Reply(status, CatalogJson.error(message), Map.of());
    }

    static Reply notAllowed(String method, String allowed) {
      return new Reply(405, CatalogJson.error(method + " is not supported here; use " + allowed), Map.of("Allow", allowed));
    }
  }
}
