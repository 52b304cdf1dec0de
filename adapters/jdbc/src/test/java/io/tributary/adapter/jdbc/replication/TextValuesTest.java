package io.tributary.adapter.jdbc.replication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The text PostgreSQL's type output writes, read back as the Java values JDBC's getObject gives. */
class TextValuesTest {

  @Test
  void timestampsWithZoneAreTheInstantAtUtcWhateverOffsetTheSessionWrote() {
    OffsetDateTime expected = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    assertEquals(expected, TextValues.of(TextValues.TIMESTAMPTZ, "2024-01-02 03:04:05+00"));
    assertEquals(expected, TextValues.of(TextValues.TIMESTAMPTZ, "2024-01-02 08:34:05+05:30"));
    assertEquals(expected, TextValues.of(TextValues.TIMESTAMPTZ, "2024-01-02 03:57:33+00:53:28"));
    assertEquals(expected.plusNanos(1000), TextValues.of(TextValues.TIMESTAMPTZ, "2024-01-02 03:04:05.000001+00"));
  }

  @Test
  void infiniteAndBeforeChristDatesAreTheJavaTimeEquivalents() {
    assertEquals(LocalDate.MAX, TextValues.of(TextValues.DATE, "infinity"));
    assertEquals(LocalDateTime.MIN, TextValues.of(TextValues.TIMESTAMP, "-infinity"));
    assertEquals(OffsetDateTime.MAX, TextValues.of(TextValues.TIMESTAMPTZ, "infinity"));
    assertEquals(LocalDate.of(-43, 3, 15), TextValues.of(TextValues.DATE, "0044-03-15 BC"));
    assertEquals(LocalDateTime.of(-43, 3, 15, 12, 0), TextValues.of(TextValues.TIMESTAMP, "0044-03-15 12:00:00 BC"));
    assertEquals(LocalTime.MAX, TextValues.of(TextValues.TIME, "24:00:00"));
  }

  @Test
  void numbersKeepTheirJdbcTypesAndNumericNanIsADouble() {
    assertEquals(Integer.valueOf(-7), TextValues.of(TextValues.INT2, "-7"));
    assertEquals(Long.valueOf(Long.MIN_VALUE), TextValues.of(TextValues.INT8, "-9223372036854775808"));
    assertEquals(Float.POSITIVE_INFINITY, TextValues.of(TextValues.FLOAT4, "Infinity"));
    assertEquals(new BigDecimal("0.10"), TextValues.of(TextValues.NUMERIC, "0.10"));
    assertEquals(Double.NaN, TextValues.of(TextValues.NUMERIC, "NaN"));
  }

  @Test
  void bytesUuidsAndOtherTypes() {
    assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, (byte[]) TextValues.of(TextValues.BYTEA, "\\x00ff10"));
    assertEquals(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        TextValues.of(TextValues.UUID_OID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertEquals("{\"a\": 1}", TextValues.of(3802, "{\"a\": 1}"));
    assertEquals(Boolean.FALSE, TextValues.of(TextValues.BOOL, "f"));
  }
}
