package io.tributary.gateway.door;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Rows;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every type a BI tool reads, through {@code getObject(i, Class)} and {@code getString}, on both JDBC drivers. */
class BiToolTypesTest {
  private static final String SAMPLE = "SELECT * FROM customers.type_samples WHERE id = 1";
  private static final LocalDateTime AT_SECOND = LocalDateTime.of(2024, 3, 5, 10, 11, 12);
  private static final LocalDateTime AT_MILLI = AT_SECOND.plusNanos(340_000_000);

  private static BothDrivers drivers;

  @BeforeAll
  static void connect() throws SQLException {
    drivers = BothDrivers.get();
  }

  private static Connection connection(String driver) {
    return drivers.of(driver);
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void everyColumnReadsAsTheClassesJdbcNamesForItsType(String driver) throws SQLException {
    try (PreparedStatement statement = connection(driver).prepareStatement(SAMPLE);
         ResultSet rs = statement.executeQuery()) {
      assertTrue(rs.next());

      assertEquals(1, rs.getObject("id", Integer.class));
      assertEquals(7, rs.getObject("small", Short.class).intValue());
      assertEquals(9_000_000_000L, rs.getObject("big", Long.class));
      assertEquals(new BigDecimal("12.50"), rs.getObject("price", BigDecimal.class));
      assertEquals(0.25, rs.getObject("ratio", Double.class));
      assertEquals(1.5f, rs.getObject("score", Float.class));
      assertEquals(true, rs.getObject("flag", Boolean.class));
      assertEquals("DE", rs.getObject("code", String.class));
      assertEquals("label", rs.getObject("label", String.class));
      assertEquals("a note", rs.getObject("note", String.class));
      assertEquals(LocalDate.of(2024, 3, 5), rs.getObject("day", LocalDate.class));
      assertEquals(AT_SECOND, rs.getObject("at_second", LocalDateTime.class));
      assertEquals(AT_MILLI, rs.getObject("at_milli", LocalDateTime.class));
      assertEquals(LocalTime.of(10, 11, 12), rs.getObject("tod", LocalTime.class));
      assertEquals(java.sql.Date.valueOf("2024-03-05"), rs.getObject("day", java.sql.Date.class));
    }
  }

  @Test
  void timestampsReadAsInstantsInTheSessionZoneUtc() throws SQLException {
    try (PreparedStatement statement = drivers.tributary().prepareStatement(SAMPLE);
         ResultSet rs = statement.executeQuery()) {
      assertTrue(rs.next());

      assertEquals(AT_MILLI.toInstant(ZoneOffset.UTC), rs.getObject("at_milli", Instant.class));
      assertEquals(AT_MILLI.atOffset(ZoneOffset.UTC), rs.getObject("at_milli", OffsetDateTime.class));
    }
  }

  @Test
  void everyColumnReadsAsTextAsPostgresqlWritesIt() throws SQLException {
    assertEquals(List.of("1", "7", "9000000000", "12.50", "0.25", "1.5", "true", "DE", "label", "a note", "2024-03-05",
        "2024-03-05 10:11:12", "2024-03-05 10:11:12.34", "10:11:12"), strings(drivers.tributary()));
  }

  @Test
  void arrowDriverWritesDateTimesAsJavaDoes() throws SQLException {
    // The Arrow driver formats values itself, as java.sql.Timestamp.toString() does.
    List<String> text = strings(drivers.arrow());

    assertEquals(List.of("2024-03-05", "2024-03-05 10:11:12.0", "2024-03-05 10:11:12.34", "10:11:12"),
        text.subList(10, 14));
  }

  /** Only on Tributary's driver: the Arrow driver (18.3) cannot bind java.time values ("type OBJECT"). */
  @Test
  void javaTimeParametersBind() throws SQLException {
    String sql = "SELECT count(*) FROM orders.orders WHERE ordered_on >= ?";
    long fromJune = Long.parseLong(Rows.of(drivers.tributary(), sql.replace("?", "DATE '2024-06-01'")).get(0));

    assertEquals(List.of(String.valueOf(fromJune)), Rows.of(drivers.tributary(), sql, LocalDate.of(2024, 6, 1)));
    assertTrue(fromJune > 0 && fromJune < 20_000, String.valueOf(fromJune));
    assertEquals(List.of("1"), Rows.of(drivers.tributary(), "SELECT count(*) FROM customers.type_samples WHERE at_milli = ?",
        AT_MILLI));
    assertEquals(List.of("1"), Rows.of(drivers.tributary(), "SELECT count(*) FROM customers.type_samples WHERE at_milli = ?",
        AT_MILLI.toInstant(ZoneOffset.UTC)));
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void preparedStatementWithADecimalRunsAgainWithDecimalsOfAnotherScale(String driver) throws SQLException {
    String sql = "SELECT id, total FROM orders.orders WHERE total > ? AND id <= 200 ORDER BY id";
    try (PreparedStatement statement = connection(driver).prepareStatement(sql)) {
      for (String bound : List.of("500.50", "100", "900.125")) {
        statement.setBigDecimal(1, new BigDecimal(bound));
        try (ResultSet rs = statement.executeQuery()) {
          List<String> rows = Rows.read(rs);

          assertEquals(Rows.of(drivers.tributary(), sql.replace("?", bound)), rows, "bound " + bound);
          assertTrue(!rows.isEmpty(), bound);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.tributary.gateway.door.BothDrivers#names")
  void bytesAndNullsRead(String driver) throws SQLException {
    try (PreparedStatement statement = connection(driver).prepareStatement(
        "SELECT CAST(NULL AS DATE) AS nothing, CAST(x'0102' AS VARBINARY(2)) AS raw");
         ResultSet rs = statement.executeQuery()) {
      assertTrue(rs.next());

      // The Arrow driver (18.3) fails reading a null DATE as LocalDate (NullPointerException).
      assertEquals(null, driver.equals(BothDrivers.ARROW) ? rs.getObject("nothing") : rs.getObject("nothing", LocalDate.class));
      assertArrayEquals(new byte[] {1, 2}, rs.getObject("raw", byte[].class));
    }
  }

  private static List<String> strings(Connection connection) throws SQLException {
    List<String> text = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(SAMPLE);
         ResultSet rs = statement.executeQuery()) {
      assertTrue(rs.next());
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        text.add(rs.getString(i));
      }
    }
    return text;
  }
}
