package io.tributary.catalog.feed;

import static io.tributary.catalog.contract.TestContracts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.CatalogChange.Kind;
import io.tributary.catalog.product.ProductCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every feed's way in: read, checked by the feed, published; each refusal recorded once. */
class ContractIntakeTest {
  private static final DataContract ORDERS = example("orders-v2.yaml");

  private final ProductCatalog catalog = new ProductCatalog(Set.of("orders"));
  /** Reads the text `orders` as the orders contract and refuses anything else, as a parser would. */
  private final ContractIntake intake = new ContractIntake(catalog, (origin, text) -> {
    if (!text.equals("orders")) {
      throw new ContractException(origin, "kind", "is missing");
    }
    return ORDERS;
  });

  @Test
  void contractThatReadsAndPassesTheFeedsCheckIsPublished() {
    assertEquals(Kind.ADDED, intake.publish("f.yaml", "orders", contract -> { }).kind());
    assertEquals(ORDERS, catalog.product("orders", "orders").orElseThrow().latest());
    assertEquals(List.of(), intake.rejections().latest());
  }

  @Test
  void unreadableContractIsRecordedWithItsOriginAndRethrownForTheFeedToAnswer() {
    ContractException e = assertThrows(ContractException.class, () -> intake.publish("f.yaml", "garbage", c -> { }));

    Rejection recorded = intake.rejections().latest().get(0);
    assertEquals("f.yaml", recorded.origin());
    assertEquals("f.yaml: kind: is missing", recorded.message());
    assertEquals(e.getMessage(), recorded.message());
  }

  @Test
  void contractTheFeedsCheckRefusesIsNotPublished() {
    assertThrows(ContractException.class, () -> intake.publish("f.yaml", "orders", c -> {
      throw new ContractException("f.yaml", "domain", "is in the wrong folder");
    }));

    assertTrue(catalog.products().isEmpty());
    assertEquals("f.yaml: domain: is in the wrong folder", intake.rejections().latest().get(0).message());
  }

  @Test
  void contractTheCatalogRefusesIsRecordedOnce() {
    ProductCatalog elsewhere = new ProductCatalog(Set.of("customers"));
    ContractIntake other = new ContractIntake(elsewhere, (origin, text) -> ORDERS);

    assertThrows(ContractException.class, () -> other.publish("f.yaml", "orders", c -> { }));

    assertEquals(1, other.rejections().latest().size());
  }

  @Test
  void onlyTheLatestRefusalsAreKept() {
    for (int i = 0; i < Rejections.KEPT + 5; i++) {
      String origin = "f" + i + ".yaml";
      assertThrows(ContractException.class, () -> intake.publish(origin, "garbage", c -> { }));
    }

    List<Rejection> kept = intake.rejections().latest();
    assertEquals(Rejections.KEPT, kept.size());
    assertEquals("f5.yaml", kept.get(0).origin());
  }
}
