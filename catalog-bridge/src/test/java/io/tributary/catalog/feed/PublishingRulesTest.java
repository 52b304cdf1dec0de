package io.tributary.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.ContractColumn;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractParser;
import io.tributary.catalog.contract.ContractTable;
import io.tributary.catalog.contract.StaleVersionException;
import io.tributary.catalog.contract.StoreMismatchException;
import io.tributary.catalog.contract.TestContracts;
import io.tributary.catalog.product.ProductCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publishing rules, whatever the feed: a version is checked against its store before it is
 * served, held back while the store cannot answer, rolled back on demand; what only the journal
 * knows survives a restart. The store here is the set of columns of table `things`, as the gateway's
 * check reports them; the gateway's end-to-end tests use real stores.
 */
class PublishingRulesTest {
  @TempDir
  Path journalDirectory;

  /** The store's columns of table `things`; {@code null} while the store is down. */
  private Set<String> storeColumns = new HashSet<>(Set.of("id", "note"));
  private ProductCatalog catalog;
  private ContractIntake intake;

  private final StoreCheck store = contract -> {
    if (storeColumns == null) {
      throw new StoreUnreachableException(contract.domain(), "connection refused");
    }
    List<String> violations = new ArrayList<>();
    for (ContractTable table : contract.tables()) {
      for (ContractColumn column : table.columns()) {
        if (!storeColumns.contains(column.physicalName())) {
          violations.add("table `" + table.name() + "`, column `" + column.name() + "`: store table `things` has no"
              + " column `" + column.physicalName() + "`");
        }
      }
    }
    return violations;
  };

  @BeforeEach
  void startEmpty() {
    start();
  }

  @Test
  void versionItsStoreDoesNotKeepIsRefusedAndTheServedOneStays() {
    put(things("1.0.0"));

    StoreMismatchException refused = assertThrows(StoreMismatchException.class, () -> put(things("1.1.0", "discount")));

    assertEquals(List.of("table `things`, column `discount`: store table `things` has no column `discount`"),
        refused.violations());
    assertEquals("PUT: schema: 1.1.0 of shop.things does not match the store of domain `shop`: table `things`, column"
        + " `discount`: store table `things` has no column `discount`; 1.0.0 stays served. Change the store first, or"
        + " publish a contract that matches it", refused.getMessage());
    assertEquals("1.0.0", served());
    assertEquals(refused.getMessage(), intake.rejections().latest().get(0).message());
  }

  @Test
  void newProductItsStoreDoesNotKeepIsRefusedToo() {
    StoreMismatchException refused = assertThrows(StoreMismatchException.class, () -> put(things("1.0.0", "discount")));

    assertTrue(refused.getMessage().contains("nothing is served for major 1"), refused.getMessage());
    assertTrue(catalog.products().isEmpty());
  }

  @Test
  void versionWhoseStoreIsDownIsHeldBackAndServedOnceTheStoreAnswersAndKeepsIt() {
    put(things("1.0.0"));
    storeColumns = null;

    ContractHeldException held = assertThrows(ContractHeldException.class, () -> put(things("1.1.0", "note")));
    assertTrue(held.getMessage().startsWith("PUT: held back: 1.1.0 of shop.things cannot be checked against its store"
        + " now (the store of domain `shop` cannot be reached: connection refused); 1.0.0 stays served"), held.getMessage());
    intake.retryHeld();
    assertEquals("1.0.0", served(), "still down: still held");

    storeColumns = new HashSet<>(Set.of("id", "note"));
    intake.retryHeld();
    assertEquals("1.1.0", served());
    assertEquals(2, catalog.product("shop", "things").orElseThrow().latest().tables().get(0).columns().size());
  }

  @Test
  void heldVersionTheStoreTurnsOutNotToKeepIsRefusedOnceChecked() {
    put(things("1.0.0"));
    storeColumns = null;
    assertThrows(ContractHeldException.class, () -> put(things("1.1.0", "discount")));

    storeColumns = new HashSet<>(Set.of("id"));
    intake.retryHeld();
    intake.retryHeld();

    assertEquals("1.0.0", served());
    assertEquals(1, intake.rejections().latest().stream().filter(r -> r.message().contains("has no column `discount`"))
        .count(), "refused once, then no longer retried");
  }

  @Test
  void newMajorWhoseStoreIsDownIsServedUncheckedAsThereIsNothingToProtect() {
    storeColumns = null;

    put(things("1.0.0"));

    assertEquals("1.0.0", served());
  }

  @Test
  void rollBackServesThePreviousVersionAndWithdrawsTheOneTakenBack() {
    put(things("1.0.0"));
    put(things("1.1.0", "note"));

    intake.rollBack("POST rollback", "shop-things", 1);

    assertEquals("1.0.0", served());
    assertEquals(1, catalog.product("shop", "things").orElseThrow().latest().tables().get(0).columns().size());
    StaleVersionException again = assertThrows(StaleVersionException.class, () -> put(things("1.1.0", "note")));
    assertTrue(again.getMessage().startsWith("PUT: version: 1.1.0 of shop.things is withdrawn: versions above 1.0.0"
        + " up to 1.1.0 were rolled back by POST rollback at "), again.getMessage());
    assertTrue(again.getMessage().endsWith("; publish a version above 1.1.0"), again.getMessage());
    put(things("1.2.0", "note"));
    assertEquals("1.2.0", served());
  }

  @Test
  void versionRolledBackToIsNotRefusedWhenItsFeedBringsItAgain() {
    intake.publish("kafka:contracts@0", things("1.0.0"), c -> { });
    intake.publish("kafka:contracts@1", things("1.1.0", "note"), c -> { });
    intake.rollBack("POST rollback", "shop-things", 1);

    start();
    intake.publish("kafka:contracts@0", things("1.0.0"), c -> { });
    assertThrows(StaleVersionException.class, () -> intake.publish("kafka:contracts@1", things("1.1.0", "note"), c -> { }));

    assertEquals("1.0.0", served());
    assertEquals(1, intake.rejections().latest().size(), "only the version taken back is refused");
  }

  @Test
  void rollBackGoesOneVersionFurtherEachTimeAndStopsWhereNothingEarlierIsKnown() {
    put(things("1.0.0"));
    put(things("1.1.0", "note"));
    put(things("1.2.0", "note"));

    intake.rollBack("POST rollback", "shop-things", 1);
    assertEquals("1.1.0", served());
    intake.rollBack("POST rollback", "shop-things", 1);
    assertEquals("1.0.0", served());
    ContractException nothing = assertThrows(ContractException.class,
        () -> intake.rollBack("POST rollback", "shop-things", 1));
    assertTrue(nothing.getMessage().contains("no version of major 1 of shop.things before 1.0.0 is known"),
        nothing.getMessage());
  }

  @Test
  void rollBackToAVersionTheStoreNoLongerKeepsIsRefused() {
    storeColumns.add("code");
    put(things("1.0.0", "code"));
    put(things("1.1.0", "code", "note"));
    storeColumns.remove("code");

    StoreMismatchException refused = assertThrows(StoreMismatchException.class,
        () -> intake.rollBack("POST rollback", "shop-things", 1));

    assertTrue(refused.getMessage().contains("1.1.0 stays served"), refused.getMessage());
    assertEquals("1.1.0", served());
  }

  @Test
  void whatWasPublishedOverHttpAndRolledBackSurvivesARestart() {
    put(things("1.0.0"));
    put(things("1.1.0", "note"));
    put(things("1.2.0", "note"));
    intake.rollBack("POST rollback", "shop-things", 1);

    start();

    assertEquals("1.1.0", served());
    assertThrows(StaleVersionException.class, () -> put(things("1.2.0", "note")));
    intake.rollBack("POST rollback", "shop-things", 1);
    assertEquals("1.0.0", served(), "the versions to roll back to are kept too");
  }

  @Test
  void versionRetiredByHandStaysRetiredWhenItsFileIsReadAgainAfterARestart() {
    intake.publish("shop/things.yaml", things("1.0.0"), c -> { });
    intake.retireByHand("DELETE", "shop-things", Optional.empty());

    start();
    StaleVersionException refused = assertThrows(StaleVersionException.class,
        () -> intake.publish("shop/things.yaml", things("1.0.0"), c -> { }));

    assertTrue(refused.getMessage().contains("is withdrawn: versions up to 1.0.0 were retired by DELETE at "),
        refused.getMessage());
    assertTrue(catalog.products().isEmpty());
    intake.publish("shop/things.yaml", things("1.0.1"), c -> { });
    assertEquals("1.0.1", served(), "a higher version is a new release");
  }

  @Test
  void versionFromAFeedThatKeepsItIsNotRestoredByTheJournal() {
    intake.publish("shop/things.yaml", things("1.0.0"), c -> { });

    start();

    assertTrue(catalog.products().isEmpty(), "the file feed brings it back, not the journal");
  }

  @Test
  void heldVersionSurvivesARestart() throws Exception {
    put(things("1.0.0"));
    storeColumns = null;
    assertThrows(ContractHeldException.class, () -> put(things("1.1.0", "note")));

    storeColumns = new HashSet<>(Set.of("id", "note"));
    start();

    assertEquals("1.1.0", served());
    try (var files = Files.list(journalDirectory)) {
      assertEquals(List.of("shop-things.v1.json"), files.map(f -> f.getFileName().toString()).toList());
    }
  }

  /** A new catalog and intake over the same journal directory, as after a restart. */
  private void start() {
    catalog = new ProductCatalog(Set.of("shop"));
    intake = new ContractIntake(catalog, ContractParser::parse, store, ContractJournal.in(journalDirectory));
    intake.restore();
  }

  private void put(String text) {
    intake.publishAndKeep("PUT", text, c -> { });
  }

  private String served() {
    return catalog.product("shop", "things").map(p -> p.latest().version().toString()).orElse("none");
  }

  /** The minimal contract at {@code version}, with more varchar columns after `id`. */
  private static String things(String version, String... columns) {
    StringBuilder more = new StringBuilder();
    for (String column : columns) {
      more.append("      - name: ").append(column).append("\n        physicalType: varchar(10)\n");
    }
    return TestContracts.MINIMAL.replace("version: 1.0.0", "version: " + version)
        .replace("        physicalType: bigint\n", "        physicalType: bigint\n" + more);
  }
}
