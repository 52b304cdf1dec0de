package io.tributary.gateway.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.product.Product;
import io.tributary.gateway.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contracts as files under the watched directory: published, replaced and retired live. */
class DirectoryFeedTest {
  @TempDir
  static Path contracts;
  private static FeedMesh mesh;

  @BeforeAll
  static void start() throws Exception {
    write("customers/loaded-at-start.yaml", ContractText.keyed("customers", "early_buyers", "1.0.0",
        "country country char(2)"));
    mesh = FeedMesh.start("directory_feed", contracts, "");
  }

  @AfterAll
  static void stop() {
    mesh.close();
  }

  @Test
  void contractsInTheDirectoryAtStartUpAreServedWhenTheGatewayIsReady() {
    assertTrue(mesh.product("customers", "early_buyers").isPresent(), mesh.products().products().toString());
  }

  @Test
  void contractWrittenToTheDirectoryIsServedWithoutRestart() throws Exception {
    write("customers/buyers.yaml", ContractText.keyed("customers", "buyers", "1.0.0", "name name varchar(100)"));

    Product buyers = Eventually.until(FeedMesh.WITHIN, () -> mesh.product("customers", "buyers"), Optional::isPresent)
        .orElseThrow();
    assertEquals("1.0.0", buyers.latest().version().toString());
    assertEquals(contracts.resolve("customers/buyers.yaml").toString(), buyers.latest().origin());
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT name FROM customers.buyers ORDER BY id"),
        List.of("Ada", "Bob")::equals);

    write("customers/buyers.yaml", ContractText.keyed("customers", "buyers", "1.1.0", "name name varchar(100)",
        "country country char(2)"));
    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("customers", "buyers").orElseThrow().latest().version()
        .toString(), "1.1.0"::equals);
  }

  @Test
  void contractFileDeletedRetiresItsProduct() throws Exception {
    write("orders/purchases.yaml", ContractText.keyed("orders", "purchases", "1.0.0",
        "total total decimal(10,2)"));
    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("orders", "purchases"), Optional::isPresent);

    Files.delete(contracts.resolve("orders/purchases.yaml"));

    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("orders", "purchases"), Optional::isEmpty);
    Eventually.until(FeedMesh.WITHIN, () -> mesh.column("SELECT total FROM orders.purchases").get(0),
        failure -> failure.startsWith("failed: "));
  }

  @Test
  void deletingTheFileOfOneMajorKeepsTheOtherMajorServed() throws Exception {
    write("orders/sales-v1.yaml", ContractText.yaml("orders", "sales", "1.0.0", "orders",
        "sale_id id int", "amount total decimal(10,2)"));
    write("orders/sales-v2.yaml", ContractText.keyed("orders", "sales", "2.0.0",
        "total total decimal(10,2)"));
    Eventually.until(FeedMesh.WITHIN, () -> majors("sales"), Set.of(1, 2)::equals);

    Files.delete(contracts.resolve("orders/sales-v1.yaml"));

    Eventually.until(FeedMesh.WITHIN, () -> majors("sales"), Set.of(2)::equals);
  }

  @Test
  void contractInAnotherDomainsFolderIsRefusedWithWhereItBelongs() throws Exception {
    Path misplaced = write("customers/misplaced.yaml", ContractText.keyed("orders", "misplaced", "1.0.0"));

    String refused = Eventually.until(FeedMesh.WITHIN, () -> rejectionOf(misplaced), Optional::isPresent)
        .orElseThrow();
    assertEquals(misplaced + ": domain: is `orders` but the file is in the folder of domain `customers`;"
        + " a domain's contracts sit in " + contracts.resolve("orders") + "/", refused);
    assertTrue(mesh.product("orders", "misplaced").isEmpty());
  }

  @Test
  void brokenFileIsRefusedAndTheFeedGoesOnWithTheNextOne() throws Exception {
    Path broken = write("customers/broken.yaml", "apiVersion: v3.0.2\nkind: DataContract\nid: [unclosed\n");
    write("customers/after-broken.yaml", ContractText.keyed("customers", "after_broken", "1.0.0"));

    Eventually.until(FeedMesh.WITHIN, () -> mesh.product("customers", "after_broken"), Optional::isPresent);
    String refused = Eventually.until(FeedMesh.WITHIN, () -> rejectionOf(broken), Optional::isPresent)
        .orElseThrow();
    assertTrue(refused.startsWith(broken + ": line "), refused);
  }

  private static Set<Integer> majors(String product) {
    return mesh.product("orders", product).map(p -> p.majors().keySet()).orElse(Set.of());
  }

  private static Optional<String> rejectionOf(Path file) throws Exception {
    return mesh.rejections().stream().filter(r -> r.path("origin").asText().equals(file.toString()))
        .map(r -> r.path("message").asText()).findFirst();
  }

  private static Path write(String relative, String text) throws Exception {
    Path file = contracts.resolve(relative);
    Files.createDirectories(file.getParent());
    // Written beside, then moved in: the feed never sees half a file.
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    Files.writeString(partial, text);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
