package io.tributary.jdbc;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * {@code setObject} with the {@code java.time} values JDBC 4.2 allows, which Avatica cannot send
 * ("Unhandled value: OBJECT"). Each becomes the {@code java.sql} value Avatica sends, with the
 * calendar that keeps it as written: a {@link LocalDate}, {@link LocalTime} or
 * {@link LocalDateTime} the same wall-clock value, an {@link Instant} or {@link OffsetDateTime} its
 * time in UTC, the gateway's session zone (as {@link TypedReads} reads them back).
 */
final class TypedParameters {
  private TypedParameters() {}

  /** Sets {@code value} if it is a {@code java.time} value; says whether it was. */
  static boolean set(PreparedStatement statement, int parameter, Object value) throws SQLException {
    Calendar local = Calendar.getInstance(Locale.ROOT); // Date.valueOf and the like are in the JVM's zone
    if (value instanceof LocalDate date) {
      statement.setDate(parameter, Date.valueOf(date), local);
    } else if (value instanceof LocalTime time) {
      statement.setTime(parameter, Time.valueOf(time), local);
    } else if (value instanceof LocalDateTime dateTime) {
      statement.setTimestamp(parameter, Timestamp.valueOf(dateTime), local);
    } else if (value instanceof Instant instant) {
      statement.setTimestamp(parameter, Timestamp.from(instant), utc());
    } else if (value instanceof OffsetDateTime dateTime) {
      statement.setTimestamp(parameter, Timestamp.from(dateTime.toInstant()), utc());
    } else {
      return false;
    }
    return true;
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
  }
}
