package io.tributary.gateway.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that ask the dialect gateway, through the Tributary JDBC driver, and PostgreSQL the same things. */
abstract class ComparedWithPostgresql {
  static Connection gateway;
  static Connection reference;

  @BeforeAll
  static void connect() throws SQLException {
    gateway = DialectMesh.get().connect();
    reference = DialectMesh.reference();
  }

  @AfterAll
  static void disconnect() throws SQLException {
    gateway.close();
    reference.close();
  }

  /** Fails unless the gateway answers {@code sql} as PostgreSQL does. */
  static void answersAsPostgresql(String sql) throws SQLException {
    Answers.assertSame(reference, gateway, sql);
  }
}
