package io.tributary.catalog.product;

import static io.tributary.catalog.contract.TestContracts.example;
import static io.tributary.catalog.contract.TestContracts.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.ContractParser;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.IncompatibleContractException;
import io.tributary.catalog.product.CatalogChange.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductCatalogTest {
  private static final String ORDERS_ID = "5c2e7f0a-1d3b-4c8e-9a61-0f4d2b7e8a10";

  private final ProductCatalog catalog = new ProductCatalog(Set.of("orders", "customers"));
  private final List<CatalogChange> changes = new ArrayList<>();

  ProductCatalogTest() {
    catalog.subscribe(changes::add);
  }

  @Test
  void twoMajorsAreServedSideBySideAndTheHighestIsLatest() {
    DataContract v1 = example("orders-v1.yaml");
    DataContract v2 = example("orders-v2.yaml");

    catalog.publish(v2);
    catalog.publish(v1);

    Product orders = catalog.product("orders", "orders").orElseThrow();
    assertEquals(Map.of(1, v1, 2, v2), orders.majors());
    assertEquals(v2, orders.latest());
  }

  @Test
  void compatibleMinorReplacesTheServedVersionOfItsMajor() {
    DataContract served = example("orders-v2.yaml");
    DataContract minor = ContractParser.parse("test", text("orders-v2.yaml").replace("version: 2.1.0", "version: 2.2.0")
        .replace("physicalType: varchar(40)", "physicalType: varchar(64)"));
    catalog.publish(served);

    CatalogChange change = catalog.publish(minor);

    assertEquals(new CatalogChange(Kind.REPLACED, minor, Optional.of(served)), change);
    assertEquals(Map.of(2, minor), catalog.products().get(ORDERS_ID).majors());
  }

  @Test
  void incompatibleMinorIsRejectedAndTheServedVersionStays() {
    DataContract served = example("orders-v2.yaml");
    DataContract breaking = ContractParser.parse("orders-v2.2.yaml", text("orders-v2.yaml")
        .replace("version: 2.1.0", "version: 2.2.0").replace("physicalType: decimal(12,2)", "physicalType: decimal(10,2)"));
    catalog.publish(served);

    IncompatibleContractException refused = assertThrows(IncompatibleContractException.class,
        () -> catalog.publish(breaking));

    assertEquals("orders-v2.2.yaml: version: 2.2.0 keeps major 2 of orders.orders (served: 2.1.0) but breaks it:"
        + " column `orders.total_amount` changes type from decimal(12,2) to decimal(10,2), which does not hold every"
        + " value it held; publish it as major 3 instead", refused.getMessage());
    assertEquals(Map.of(2, served), catalog.products().get(ORDERS_ID).majors());
  }

  @Test
  void contractOfAnUnknownDomainIsRefused() {
    ProductCatalog customersOnly = new ProductCatalog(Set.of("customers"));

    ContractException refused = assertThrows(ContractException.class,
        () -> customersOnly.publish(example("orders-v2.yaml")));

    assertEquals("contracts/orders-v2.yaml: domain: `orders` is not a domain of this gateway; expected one of"
        + " [customers]", refused.getMessage());
  }

  @Test
  void idOfAnotherProductIsRefused() {
    catalog.publish(example("orders-v2.yaml"));
    DataContract impostor = ContractParser.parse("impostor.yaml", text("customers.yaml")
        .replace("id: customers-customers", "id: " + ORDERS_ID));

    ContractException refused = assertThrows(ContractException.class, () -> catalog.publish(impostor));

    assertEquals("impostor.yaml: id: `" + ORDERS_ID + "` already identifies orders.orders; a product keeps its id,"
        + " another product needs another id", refused.getMessage());
  }

  @Test
  void retireRemovesEveryMajorAndReportsEach() {
    DataContract v1 = example("orders-v1.yaml");
    DataContract v2 = example("orders-v2.yaml");
    catalog.publish(v1);
    catalog.publish(v2);

    List<CatalogChange> retired = catalog.retire(ORDERS_ID);

    assertEquals(List.of(new CatalogChange(Kind.RETIRED, v1, Optional.empty()),
        new CatalogChange(Kind.RETIRED, v2, Optional.empty())), retired);
    assertEquals(Optional.empty(), catalog.product("orders", "orders"));
    assertEquals(List.of(), catalog.retire(ORDERS_ID));
  }

  @Test
  void retiringOneMajorKeepsTheOthersServed() {
    DataContract v1 = example("orders-v1.yaml");
    DataContract v2 = example("orders-v2.yaml");
    catalog.publish(v1);
    catalog.publish(v2);

    List<CatalogChange> retired = catalog.retire(ORDERS_ID, 1);

    assertEquals(List.of(new CatalogChange(Kind.RETIRED, v1, Optional.empty())), retired);
    assertEquals(Map.of(2, v2), catalog.product("orders", "orders").orElseThrow().majors());
    assertEquals(List.of(), catalog.retire(ORDERS_ID, 1), "retiring an unserved major changes nothing");
    catalog.retire(ORDERS_ID, 2);
    assertEquals(Optional.empty(), catalog.product("orders", "orders"), "the last major gone, the product is gone");
  }

  @Test
  void olderVersionOfAServedMajorIsRefused() {
    DataContract served = ContractParser.parse("test", text("orders-v2.yaml").replace("version: 2.1.0", "version: 2.2.0"));
    catalog.publish(served);

    ContractException e = assertThrows(ContractException.class, () -> catalog.publish(example("orders-v2.yaml")));

    assertEquals(example("orders-v2.yaml").origin() + ": version: 2.1.0 is older than 2.2.0, which is served for major 2"
        + " of orders.orders; publish a higher version", e.getMessage());
    assertEquals(Map.of(2, served), catalog.products().get(ORDERS_ID).majors());
  }

  @Test
  void listenersHearEveryChangeInOrder() {
    DataContract customers = example("customers.yaml");
    DataContract customersPatch = ContractParser.parse("test", text("customers.yaml")
        .replace("version: 1.2.0", "version: 1.2.1"));

    catalog.publish(customers);
    catalog.publish(customersPatch);
    catalog.retire("customers-customers");

    assertEquals(List.of(new CatalogChange(Kind.ADDED, customers, Optional.empty()),
        new CatalogChange(Kind.REPLACED, customersPatch, Optional.of(customers)),
        new CatalogChange(Kind.RETIRED, customersPatch, Optional.empty())), changes);
  }

  @Test
  void privateProductIsCataloguedWithItsAccessLevel() {
    catalog.publish(example("checkout-events.yaml"));

    assertEquals(Access.PRIVATE, catalog.product("orders", "checkout_events").orElseThrow().latest().access());
  }
}
