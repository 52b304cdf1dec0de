package io.tributary.gateway;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.catalog.contract.Access;
import io.tributary.testkit.DatabaseServers;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contracts checked against the real store: an ALTER TABLE breaks a product, fixing the store mends it. */
class ContractViolationsTest {
  private static final String ACCOUNTS = "SELECT account_id, balance, holder FROM crm.accounts ORDER BY account_id";

  private static ProductMesh mesh;

  @BeforeAll
  static void publish() throws SQLException {
    mesh = ProductMesh.get();
    DatabaseServers.postgres().execute(ProductMesh.CRM_DB, "DROP TABLE IF EXISTS ledger_accounts",
        "CREATE TABLE ledger_accounts (id INT NOT NULL, balance DECIMAL(12,2) NOT NULL, owner_name VARCHAR(50))",
        "INSERT INTO ledger_accounts VALUES (1, 10.50, 'Ada'), (2, 0.00, NULL)");
    mesh.publish(contract("crm", "accounts", "1.0.0", Access.PUBLIC,
        table("accounts", "ledger_accounts", column("account_id", "id", INTEGER, true),
            column("balance", "balance", DECIMAL, 12, 2, true), column("holder", "owner_name", VARCHAR, 50, -1, false))));
    mesh.publish(contract("crm", "regions", "1.0.0", Access.PUBLIC,
        table("regions", "segments", column("region", "segment", VARCHAR, 20, -1, true))));
    mesh.publish(contract("vault", "ledger", "1.0.0", Access.PUBLIC,
        table("ledger", "ledger", column("entry", "entry_no", INTEGER, true))));
  }

  @BeforeEach
  @AfterEach
  void storeKeepsTheContract() throws SQLException {
    alter("ALTER TABLE ledger_accounts ALTER COLUMN balance TYPE DECIMAL(12,2)",
        "ALTER TABLE ledger_accounts ALTER COLUMN id SET NOT NULL",
        "ALTER TABLE ledger_accounts ADD COLUMN IF NOT EXISTS owner_name VARCHAR(50)",
        "UPDATE ledger_accounts SET owner_name = 'Ada' WHERE id = 1");
  }

  @Test
  void droppedColumnBreaksTheProductUntilTheStoreHasItAgain() throws SQLException {
    try (Connection c = mesh.connect()) {
      assertEquals(List.of("1 | 10.5 | Ada", "2 | 0 | null"), Rows.of(c, ACCOUNTS));

      alter("ALTER TABLE ledger_accounts DROP COLUMN owner_name");
      SQLException broken = assertThrows(SQLException.class, () -> Rows.of(c, ACCOUNTS));
      assertEquals("55000", broken.getSQLState(), broken.getMessage());
      assertTrue(broken.getMessage().contains("data product `crm.accounts` version 1.0.0 is broken")
          && broken.getMessage().contains("table `accounts`, column `holder`: store table `ledger_accounts` has no column `owner_name`"),
          broken.getMessage());
      assertEquals(List.of("broken"), Rows.of(c, "SELECT state FROM tributary.data_products WHERE product = 'accounts'"));
      assertEquals(List.of("1.0.0 | accounts | holder"), Rows.of(c,
          "SELECT version, table_name, column_name FROM tributary.contract_violations WHERE product = 'accounts'"));
      assertEquals(List.of("loyal", "new"), Rows.of(c, "SELECT region FROM crm.regions ORDER BY 1"),
          "other products of the domain keep working");

      alter("ALTER TABLE ledger_accounts ADD COLUMN owner_name VARCHAR(50)");
      assertEquals(List.of("1 | 10.5 | null", "2 | 0 | null"), Rows.of(c, ACCOUNTS));
      assertEquals(List.of("ok"), Rows.of(c, "SELECT state FROM tributary.data_products WHERE product = 'accounts'"));
      assertEquals(List.of(), Rows.of(c, "SELECT * FROM tributary.contract_violations WHERE product = 'accounts'"));
    }
  }

  @Test
  void widenedTypeAndNullableRequiredColumnAreEachListed() throws SQLException {
    alter("ALTER TABLE ledger_accounts ALTER COLUMN balance TYPE DECIMAL(14,2)",
        "ALTER TABLE ledger_accounts ALTER COLUMN id DROP NOT NULL");
    try (Connection c = mesh.connect()) {
      SQLException broken = assertThrows(SQLException.class, () -> Rows.of(c, ACCOUNTS));
      assertTrue(broken.getMessage().contains("column `balance`: promised DECIMAL(12,2)")
          && broken.getMessage().contains("is DECIMAL(14,2), which can hold values that do not fit"), broken.getMessage());
      assertTrue(broken.getMessage().contains("column `account_id`: promised required but store column `id` allows nulls"),
          broken.getMessage());
      assertEquals(List.of("account_id", "balance"), Rows.of(c, "SELECT column_name FROM tributary.contract_violations"
          + " WHERE product = 'accounts' ORDER BY column_name"));

      alter("ALTER TABLE ledger_accounts ALTER COLUMN balance TYPE DECIMAL(8,2)",
          "ALTER TABLE ledger_accounts ALTER COLUMN id SET NOT NULL");
      assertEquals(List.of("1 | 10.5 | Ada", "2 | 0 | null"), Rows.of(c, ACCOUNTS), "a narrower type fits the promise");
    }
  }

  @Test
  void storeThatIsDownIsNoViolation() throws SQLException {
    try (Connection c = mesh.connect()) {
      SQLException down = assertThrows(SQLException.class, () -> Rows.of(c, "SELECT entry FROM vault.ledger"));
      assertEquals("08001", down.getSQLState(), down.getMessage());
      assertTrue(down.getMessage().contains("domain `vault` is unreachable"), down.getMessage());
      assertEquals(List.of("unchecked"), Rows.of(c, "SELECT state FROM tributary.data_products WHERE domain = 'vault'"));
      assertEquals(List.of(), Rows.of(c, "SELECT * FROM tributary.contract_violations WHERE domain = 'vault'"));
    }
  }

  /** Changes the crm store behind the gateway's back, then lets the gateway check its contracts. */
  private static void alter(String... statements) throws SQLException {
    DatabaseServers.postgres().execute(ProductMesh.CRM_DB, statements);
    mesh.gateway().engine().contracts().checkNow();
  }
}
