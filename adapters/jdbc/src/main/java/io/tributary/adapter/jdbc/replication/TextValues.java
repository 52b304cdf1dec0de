package io.tributary.adapter.jdbc.replication;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A column value as {@code pgoutput} sends it (the type's text output, under PgJDBC's session
 * settings {@code DateStyle=ISO}) turned into the Java value JDBC's {@code getObject} gives for the
 * column, with the {@code java.time} types for dates and times. Types not listed stay text.
 */
final class TextValues {
  static final int BOOL = 16;
  static final int BYTEA = 17;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int OID = 26;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int DATE = 1082;
  static final int TIME = 1083;
  static final int TIMESTAMP = 1114;
  static final int TIMESTAMPTZ = 1184;
  static final int NUMERIC = 1700;
  static final int UUID_OID = 2950;

  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .appendPattern("uuuu-MM-dd HH:mm:ss")
      .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
      .toFormatter();
  // PostgreSQL writes an offset as +HH, +HH:MM or, for historical zones, +HH:MM:SS.
  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .append(DATE_TIME)
      .appendOffset("+HH:mm:ss", "Z")
      .toFormatter();
  private static final String BC = " BC";

  private TextValues() {}

  static Object of(int typeOid, String text) {
    return switch (typeOid) {
      case BOOL -> "t".equals(text);
      case INT2, INT4 -> Integer.valueOf(text);
      case INT8, OID -> Long.valueOf(text);
      case FLOAT4 -> Float.valueOf(text);
      case FLOAT8 -> Double.valueOf(text);
      case NUMERIC -> numeric(text);
      case DATE -> date(text);
      case TIME -> "24:00:00".equals(text) ? LocalTime.MAX : LocalTime.parse(text);
      case TIMESTAMP -> timestamp(text);
      case TIMESTAMPTZ -> timestampWithZone(text);
      case BYTEA -> text.startsWith("\\x") ? HexFormat.of().parseHex(text, 2, text.length()) : text;
      case UUID_OID -> UUID.fromString(text);
      default -> text;
    };
  }

  private static Object numeric(String text) {
    // PgJDBC answers NaN and the infinities, which BigDecimal cannot hold, as doubles.
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> new BigDecimal(text);
    };
  }

  private static LocalDate date(String text) {
    return switch (text) {
      case "infinity" -> LocalDate.MAX;
      case "-infinity" -> LocalDate.MIN;
      default -> text.endsWith(BC) ? beforeChrist(LocalDate.parse(withoutEra(text))) : LocalDate.parse(text);
    };
  }

  private static LocalDateTime timestamp(String text) {
    return switch (text) {
      case "infinity" -> LocalDateTime.MAX;
      case "-infinity" -> LocalDateTime.MIN;
      default -> {
        LocalDateTime parsed = LocalDateTime.parse(withoutEra(text), DATE_TIME);
        yield text.endsWith(BC) ? parsed.with(beforeChrist(parsed.toLocalDate())) : parsed;
      }
    };
  }

  private static OffsetDateTime timestampWithZone(String text) {
    return switch (text) {
      case "infinity" -> OffsetDateTime.MAX;
      case "-infinity" -> OffsetDateTime.MIN;
      default -> {
        OffsetDateTime parsed = OffsetDateTime.parse(withoutEra(text), OFFSET_DATE_TIME);
        if (text.endsWith(BC)) {
          parsed = parsed.with(beforeChrist(parsed.toLocalDate()));
        }
        // As PgJDBC does: the instant, at UTC.
        yield parsed.withOffsetSameInstant(ZoneOffset.UTC);
      }
    };
  }

  private static String withoutEra(String text) {
    return text.endsWith(BC) ? text.substring(0, text.length() - BC.length()) : text;
  }

  /** Year {@code y} BC is ISO year {@code 1 - y}: there is no year 0 before Christ. */
  private static LocalDate beforeChrist(LocalDate written) {
    return written.withYear(1 - written.getYear());
  }
}
