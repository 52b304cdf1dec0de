package io.tributary.catalog.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.IncompatibleContractException;
import io.tributary.catalog.contract.StaleVersionException;
import io.tributary.catalog.contract.StoreMismatchException;
import io.tributary.catalog.product.CatalogChange;
import io.tributary.catalog.product.Product;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * DELETE /api/products/{domain}/{product}/v{major}          retire one major
 * POST   /api/products/{domain}/{product}/v{major}/rollback serve the version of that major served before
 * </pre>
 * A refused contract answers 400 with {@code {"error": "..."}} naming the path inside the contract
 * and what was expected; 409 when it keeps a major but breaks it ({@code breaks} lists how), or
 * when it is withdrawn or older than the served version; 422 when its store does not keep it
 * ({@code violations} lists how); 202 when it is held back until its store can be checked.
 * What is published, rolled back or retired here is kept in the catalog's journal and survives a
 * restart; 503 says the journal could not store it.
 */
public final class CatalogApi implements HttpHandler {
  /** The path prefixes to route here. */
  public static final List<String> CONTEXTS = List.of("/api/catalog", "/api/products");
  /** Far above any contract; a larger body is refused before it is read whole. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final String ROUTES = "GET /api/catalog, GET /api/catalog/rejections,"
      + " GET|PUT|DELETE /api/products/{domain}/{product}, DELETE /api/products/{domain}/{product}/v{major} and"
      + " POST /api/products/{domain}/{product}/v{major}/rollback";
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
        case "DELETE" -> delete(domain, product, Optional.empty());
        default -> Reply.notAllowed(method, "GET, PUT, DELETE");
      };
    }
    Optional<Integer> major = parts.length >= 6 && parts[1].equals("api") && parts[2].equals("products")
        ? major(parts[5]) : Optional.empty();
    if (major.isPresent() && parts.length == 6) {
      return method.equals("DELETE") ? delete(parts[3], parts[4], major) : Reply.notAllowed(method, "DELETE");
    }
    if (major.isPresent() && parts.length == 7 && parts[6].equals("rollback")) {
      return method.equals("POST") ? rollBack(parts[3], parts[4], major.get()) : Reply.notAllowed(method, "POST");
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
      CatalogChange change = intake.publishAndKeep(origin, new String(bytes, StandardCharsets.UTF_8), contract -> {
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
    } catch (ContractException e) {
      return refused(e);
    } catch (UncheckedIOException e) {
      return unkept(e);
    }
  }

  private Reply delete(String domain, String product, Optional<Integer> major) {
    Optional<Product> served = intake.catalog().product(domain, product);
    if (served.isEmpty() || major.filter(m -> !served.get().majors().containsKey(m)).isPresent()) {
      return notServed(domain, product + major.map(m -> "_v" + m).orElse(""));
    }
    String origin = "DELETE /api/products/" + domain + "/" + product + major.map(m -> "/v" + m).orElse("");
    try {
      intake.retireByHand(origin, served.get().id(), major);
    } catch (UncheckedIOException e) {
      return unkept(e);
    }
    return Reply.ok(CatalogJson.retired(served.get(), major));
  }

  private Reply rollBack(String domain, String product, int major) {
    Optional<Product> served = intake.catalog().product(domain, product);
    if (served.isEmpty() || !served.get().majors().containsKey(major)) {
      return notServed(domain, product + "_v" + major);
    }
    String origin = "POST /api/products/" + domain + "/" + product + "/v" + major + "/rollback";
    try {
      CatalogChange change = intake.rollBack(origin, served.get().id(), major);
      return Reply.ok(CatalogJson.published(change, intake.catalog().product(domain, product).orElseThrow()));
    } catch (ContractException e) {
      return refused(e);
    } catch (UncheckedIOException e) {
      return unkept(e);
    }
  }

  /** Each refusal with the status that says what to do about it, and its list of reasons where it has one. */
  private static Reply refused(ContractException e) {
    ObjectNode json = CatalogJson.error(e.getMessage());
    if (e instanceof IncompatibleContractException incompatible) {
      incompatible.breaks().forEach(json.putArray("breaks")::add);
      return new Reply(409, json, Map.of());
    }
    if (e instanceof StoreMismatchException mismatch) {
      mismatch.violations().forEach(json.putArray("violations")::add);
      return new Reply(422, json, Map.of());
    }
    if (e instanceof ContractHeldException) {
      return new Reply(202, json.put("held", true), Map.of());
    }
    return new Reply(e instanceof StaleVersionException ? 409 : 400, json, Map.of());
  }

  private static Reply unkept(UncheckedIOException e) {
    LOG.error("the catalog's journal failed", e);
    return Reply.error(503, "the change is served now but could not be kept for restarts (" + e.getMessage()
        + "); fix the directory named by catalog.journal, then send it again");
  }

  private static Optional<Integer> major(String part) {
    return part.matches("v[0-9]{1,9}") ? Optional.of(Integer.parseInt(part.substring(1))) : Optional.empty();
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
