package io.tributary.catalog.feed;

import static io.tributary.catalog.contract.TestContracts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.ProductCatalog;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys of the contracts topic: a whole product by id, or one major as `<id>/v<major>`. */
class RecordKeyTest {
  private static final DataContract ORDERS_V1 = example("orders-v1.yaml");
  private static final DataContract ORDERS_V2 = example("orders-v2.yaml");
  private static final String ID = ORDERS_V2.id();

  @Test
  void keyEndingInAMajorNamesThatMajorAndAnyOtherKeyTheWholeProduct() {
    assertEquals(new RecordKey(ID + "/v2", ID, OptionalInt.of(2)), RecordKey.parse(ID + "/v2"));
    assertEquals(new RecordKey(ID, ID, OptionalInt.empty()), RecordKey.parse(ID));
    assertEquals(OptionalInt.of(3), RecordKey.parse("a/v2/v3").major(), "the last suffix is the major");
    assertEquals(OptionalInt.empty(), RecordKey.parse("a/v02").major(), "majors are written as versions are");
    assertEquals(OptionalInt.empty(), RecordKey.parse("/v2").major(), "an id is never empty");
  }

  @Test
  void contractOfAnotherMajorThanItsKeyNamesIsRefusedNamingTheRightKey() {
    ContractException e = assertThrows(ContractException.class,
        () -> RecordKey.parse(ID + "/v1").check("kafka:t partition 0 offset 7", ORDERS_V2));

    assertEquals("kafka:t partition 0 offset 7: version: 2.1.0 is of major 2 but the record's key `" + ID
        + "/v1` names major 1; key it `" + ID + "/v2`", e.getMessage());
  }

  @Test
  void contractOfAnotherIdThanItsKeyNamesIsRefused() {
    ContractException e = assertThrows(ContractException.class,
        () -> RecordKey.parse("someone-else/v2").check("origin", ORDERS_V2));

    assertEquals("origin: id: is `" + ID + "` but the record's key `someone-else/v2` names contract `someone-else`;"
        + " key each record by its contract's id, or by `<id>/v<major>` for one major", e.getMessage());
  }

  @Test
  void tombstoneOfAMajorKeyRetiresThatMajorOnlyAndOfAnIdKeyEveryMajor() {
    ProductCatalog catalog = new ProductCatalog(Set.of("orders"));
    ContractIntake intake = new ContractIntake(catalog, (origin, text) -> {
      throw new AssertionError("tombstones carry no contract");
    });
    catalog.publish(ORDERS_V1);
    catalog.publish(ORDERS_V2);

    RecordKey.parse(ID + "/v1").retire(intake, "tombstone");
    assertEquals(Set.of(2), catalog.products().get(ID).majors().keySet());

    catalog.publish(ORDERS_V1);
    RecordKey.parse(ID).retire(intake, "tombstone");
    assertEquals(Set.of(), catalog.products().keySet());
  }
}
