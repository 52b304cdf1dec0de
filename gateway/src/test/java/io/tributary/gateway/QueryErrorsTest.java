package io.tributary.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Mistakes and outages reach the user as SQL errors that say what to do; the gateway keeps serving. */
class QueryErrorsTest {
  private static Connection gateway;

  @BeforeAll
  static void connect() throws SQLException {
    gateway = FederatedMesh.get().connect();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
  }

  @AfterEach
  void sameConnectionStillAnswers() throws SQLException {
    assertEquals(List.of("2000"), Rows.of(gateway, "SELECT count(*) FROM customers.customers"));
  }

  @Test
  void syntaxErrorSaysWhere() {
    SQLException e = fails("SELECT id FROM customers.customers WHERE");

    assertEquals("42601", e.getSQLState());
    assertTrue(e.getMessage().contains("Syntax error") && e.getMessage().contains("line 1, column"), e.getMessage());
  }

  @Test
  void misspeltTableSuggestsThePublishedOne() {
    SQLException e = fails("SELECT * FROM orders.ordrs");

    assertEquals("42P01", e.getSQLState());
    assertTrue(e.getMessage().contains("did you mean `orders`?"), e.getMessage());
  }

  @Test
  void misspeltDomainSuggestsTheDomain() {
    SQLException e = fails("SELECT * FROM custmers.customers");

    assertEquals("42P01", e.getSQLState());
    assertTrue(e.getMessage().contains("No domain `custmers`; did you mean `customers`?"), e.getMessage());
  }

  @Test
  void misspeltColumnSuggestsTheColumn() {
    SQLException e = fails("SELECT o.custmer_id FROM orders.orders o");

    assertEquals("42703", e.getSQLState());
    assertTrue(e.getMessage().contains("did you mean `customer_id`?"), e.getMessage());
  }

  @Test
  void unqualifiedTableExplainsTheNamespace() {
    SQLException e = fails("SELECT * FROM customers");

    assertTrue(e.getMessage().contains("tables are named <domain>.<table>; did you mean `customers.customers`?"), e.getMessage());
  }

  @Test
  void tableTheStoreHasButTheDomainDoesNotPublishIsRefused() {
    SQLException e = fails("SELECT * FROM orders.payment_tokens");

    assertEquals("42P01", e.getSQLState());
    assertTrue(e.getMessage().contains("Table `payment_tokens` is not published by domain `orders` (owner: checkout)"), e.getMessage());
    assertTrue(e.getMessage().contains("Published tables: orders, order_history"), e.getMessage());
  }

  @Test
  void domainWhoseStoreIsDownIsNamedAndOthersKeepAnswering() throws SQLException {
    SQLException e = fails("SELECT * FROM archive.invoices");

    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("domain `archive` is unreachable at jdbc:postgresql://127.0.0.1:1/archive"), e.getMessage());
    assertEquals(List.of("archive | DOWN", "customers | UP", "orders | UP"),
        Rows.of(gateway, "SELECT domain, status FROM tributary.domains ORDER BY domain"));
  }

  @Test
  void joinTouchingADownDomainNamesThatDomain() {
    SQLException e = fails("SELECT * FROM customers.customers c JOIN archive.invoices i ON i.customer_id = c.id");

    assertTrue(e.getMessage().contains("domain `archive` is unreachable"), e.getMessage());
  }

  private static SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> Rows.of(gateway, sql));
  }
}
