package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.MINIMAL;
import static io.tributary.catalog.contract.TestContracts.example;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.catalog.contract.DataContract.Deprecation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ContractParserTest {

  @Test
  void fullOdcsContractParsesIntoItsRecords() {
    DataContract contract = example("orders-v2.yaml");

    List<ContractColumn> orderColumns = List.of(
        column("order_id", new ColumnType(SqlTypeName.BIGINT, -1, -1, "bigint"), true, true),
        column("customer_id", new ColumnType(SqlTypeName.BIGINT, -1, -1, "bigint"), true, false),
        column("status", new ColumnType(SqlTypeName.VARCHAR, 20, -1, "varchar(20)"), true, false),
        column("placed_at", new ColumnType(SqlTypeName.TIMESTAMP, -1, -1, "timestamp"), true, false),
        new ContractColumn("total_amount", "total_amount", new ColumnType(SqlTypeName.DECIMAL, 12, 2, "decimal(12,2)"),
            true, false, Optional.empty(), "Order total including tax, in `currency`."),
        new ContractColumn("currency", "currency", new ColumnType(SqlTypeName.CHAR, 3, -1, "char(3)"),
            true, false, Optional.empty(), "ISO 4217 code."));
    ContractTable orders = new ContractTable("orders", "orders", "One row per order placed.", orderColumns,
        List.of("order_id"), List.of(new ForeignKey(List.of("customer_id"), "customers", "customers",
            List.of("customer_id"))));
    ContractTable lines = new ContractTable("order_lines", "order_lines", "", List.of(
        column("order_id", new ColumnType(SqlTypeName.BIGINT, -1, -1, "bigint"), true, true),
        column("line_no", new ColumnType(SqlTypeName.INTEGER, -1, -1, "int"), true, true),
        column("sku", new ColumnType(SqlTypeName.VARCHAR, 40, -1, "varchar(40)"), true, false),
        column("quantity", new ColumnType(SqlTypeName.INTEGER, -1, -1, "int"), true, false),
        column("unit_price", new ColumnType(SqlTypeName.DECIMAL, 10, 2, "decimal(10,2)"), true, false)));
    assertEquals(new DataContract("5c2e7f0a-1d3b-4c8e-9a61-0f4d2b7e8a10", "orders", "orders", new Version(2, 1, 0),
        "active", Access.PUBLIC, "checkout-team@example.com",
        "Orders placed in the web shop, one row per order. Usage: Revenue reporting and joins with"
            + " customers.customers on customer_id. Limitations: Cancelled orders stay, with status `cancelled`.",
        List.of(orders, lines), Optional.of(Duration.ofMinutes(15)), Optional.empty(), "contracts/orders-v2.yaml"),
        contract);
  }

  @Test
  void deprecatedVersionNamesItsDateAndReplacementAndMapsRenamedColumns() {
    DataContract contract = example("orders-v1.yaml");

    assertEquals(new Version(1, 4, 0), contract.version());
    assertEquals("deprecated", contract.status());
    assertEquals(Optional.of(new Deprecation(LocalDate.of(2026, 6, 30), "orders.orders_v2")), contract.deprecation());
    ContractColumn total = contract.tables().get(0).columns().get(3);
    assertEquals(List.of("total", "total_amount"), List.of(total.name(), total.physicalName()));
  }

  @Test
  void piiIsTakenFromClassificationOrFromThePiiTag() {
    DataContract contract = example("customers.yaml");

    List<Optional<String>> classifications = contract.tables().get(0).columns().stream()
        .map(ContractColumn::classification).toList();
    assertEquals(List.of(Optional.empty(), Optional.of("pii"), Optional.of("pii"), Optional.of("public"),
        Optional.empty()), classifications);
    assertEquals(Access.INTERNAL, contract.access());
    assertEquals("Registered customers of the web shop, one row per customer account.", contract.description());
  }

  @Test
  void latencyIsTheFreshnessPromiseWhenNoFreshnessIsGiven() {
    assertEquals(Optional.of(Duration.ofHours(1)), example("customers.yaml").freshness());
  }

  @Test
  void privateProductKeepsStoreNamesThatAreNotSqlNames() {
    DataContract contract = example("checkout-events.yaml");

    assertEquals(Access.PRIVATE, contract.access());
    assertEquals("checkout-events", contract.tables().get(0).physicalName());
    assertEquals("checkout", contract.team());
    assertEquals(Optional.of(Duration.ofMinutes(1)), contract.freshness());
    assertEquals(new ColumnType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, -1, -1, "timestamptz"),
        contract.tables().get(0).columns().get(3).type());
  }

  @Test
  void contractWithoutTeamIsOwnedByItsDomainAndWithoutDescriptionHasAnEmptyOne() {
    DataContract contract = ContractParser.parse("test", MINIMAL);

    assertEquals("shop", contract.team());
    assertEquals("", contract.description());
    assertEquals(Optional.empty(), contract.freshness());
    assertEquals(Optional.empty(), contract.deprecation());
  }

  @Test
  void teamIsTheFirstOwnerOrElseTheFirstMember() {
    String members = """
        team:
          - username: ann@example.com
            role: steward
          - username: bob@example.com
        """;
    assertEquals("ann@example.com", ContractParser.parse("test", MINIMAL + members).team());
    assertEquals("checkout-team@example.com", example("orders-v2.yaml").team());
  }

  @Test
  void productNameFallsBackToDataProduct() {
    String text = MINIMAL.replace("name: things\nversion", "dataProduct: gadgets\nversion");

    assertEquals("gadgets", ContractParser.parse("test", text).product());
  }

  @Test
  void odcsFieldsWeDoNotUseAreAccepted() {
    String extras = """
        tenant: shop
        tags: [sales]
        servers: [{server: db, type: postgresql}]
        support: [{channel: chat, url: https://chat.example.com}]
        price: {priceAmount: 1}
        roles: [{role: reader}]
        slaDefaultElement: things.id
        authoritativeDefinitions: [{url: https://example.com, type: businessDefinition}]
        contractCreatedTs: 2025-01-01T00:00:00Z
        """;

    assertEquals("things", ContractParser.parse("test", MINIMAL + extras).product());
  }

  private static ContractColumn column(String name, ColumnType type, boolean required, boolean primaryKey) {
    return new ContractColumn(name, name, type, required, primaryKey, Optional.empty(), "");
  }
}
