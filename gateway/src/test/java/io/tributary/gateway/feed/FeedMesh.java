package io.tributary.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.product.Product;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.Gateway;
import io.tributary.gateway.TestGateways;
import io.tributary.gateway.door.flight.ArrowClient;
import io.tributary.testkit.DatabaseServer;
import io.tributary.testkit.DatabaseServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway whose data products come from its feeds (contracts directory, HTTP API, Kafka topic),
 * over two PostgreSQL domains: `customers` (table customers: id, name, email, country; 2 rows) and
 * `orders` (table orders: id, customer_id, status, total; 3 rows). Each mesh has its own databases
 * (named after it), contracts directory and HTTP port.
 */
final class FeedMesh implements AutoCloseable {
  static final Duration WITHIN = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final String yaml;
  private final Gateway gateway;
  private final HttpClient http = HttpClient.newHttpClient();

  private FeedMesh(String name, String yaml) throws SQLException {
    this.name = name;
    this.yaml = yaml;
    this.gateway = TestGateways.start(name + ".yaml", yaml);
  }

  /**
   * @param name distinguishes this mesh's databases from other meshes'
   * @param contracts the contracts directory
   * @param catalogYaml more keys of the {@code catalog:} section, each line indented by two spaces, or empty
   */
  static FeedMesh start(String name, Path contracts, String catalogYaml) throws Exception {
    DatabaseServer postgres = DatabaseServers.postgres();
    String crm = database(name, "customers");
    String shop = database(name, "orders");
    postgres.createDatabase(crm);
    postgres.createDatabase(shop);
    postgres.execute(crm, "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
        + " email VARCHAR(200), country CHAR(2) NOT NULL)",
        "INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com', 'DE'), (2, 'Bob', NULL, 'FR')");
    postgres.execute(shop, "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL,"
        + " status VARCHAR(20) NOT NULL, total DECIMAL(10, 2) NOT NULL)",
        "INSERT INTO orders VALUES (10, 1, 'paid', 12.50), (11, 2, 'shipped', 99.00), (12, 1, 'placed', 5.00)");
    String yaml = "domains:\n" + domain(postgres, "customers", crm) + domain(postgres, "orders", shop)
        + "catalog:\n  directory: \"" + contracts + "\"\n  checkInterval: 1s\n" + catalogYaml;
    return new FeedMesh(name, yaml);
  }

  /** Stops this mesh's gateway and starts it again over the same stores, contracts and configuration. */
  FeedMesh restart() throws SQLException {
    close();
    return new FeedMesh(name, yaml);
  }

  /** The database of one of the mesh's domains, `customers` or `orders`. */
  static String database(String name, String domain) {
    return "tributary_it_" + name + (domain.equals("customers") ? "_crm" : "_shop");
  }

  /** A PostgreSQL domain publishing its table of the same name. */
  private static String domain(DatabaseServer postgres, String name, String database) {
    return "  - {name: %1$s, owner: {team: %1$s, contact: %1$s@example.com}, adapter: postgresql,\n"
        .formatted(name) + "     connection: {url: \"%s\", user: \"%s\", password: \"%s\"}, tables: [%s]}\n"
        .formatted(postgres.jdbcUrl(database), postgres.user(), postgres.password(), name);
  }

  ProductCatalog products() {
    return gateway.engine().products();
  }

  /** The product as served now, if it is. */
  Optional<Product> product(String domain, String name) {
    return products().product(domain, name);
  }

  /** A connection through the Tributary JDBC driver, as an analyst's tool would open it. */
  Connection connect() throws SQLException {
    return TestGateways.connect(gateway);
  }

  /** A connection through the Arrow Flight SQL JDBC driver, as a notebook would open it. */
  Connection flight() throws SQLException {
    return ArrowClient.jdbc(gateway.flightPort());
  }

  /**
   * The first column of {@code sql}'s rows as text, through the JDBC driver; a failure is the one
   * element, so a poll shows why it is not there yet.
   */
  List<String> column(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      return List.of("failed: " + e.getMessage());
    }
  }

  /** Calls the HTTP API; {@code body} may be null. */
  HttpResponse<String> http(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/yaml").build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** What the feeds refused, oldest first, as {@code GET /api/catalog/rejections} lists it. */
  List<JsonNode> rejections() throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>();
    JSON.readTree(http("GET", "/api/catalog/rejections", null).body()).path("rejections").forEach(all::add);
    return all;
  }

  @Override
  public void close() {
    gateway.close();
  }
}
