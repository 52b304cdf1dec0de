package io.tributary.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
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
 * What {@code ResultSet.getObject(column, Class)} and {@code getString} give for the gateway's
 * values. Avatica refuses every class in {@code getObject(column, Class)}, so the classes JDBC 4.2
 * names for each type are read here through Avatica's own getters. Date-times travel as numbers in
 * the gateway's session zone, UTC, so they are read with a UTC calendar: a {@code TIMESTAMP} is
 * the wall-clock time the store holds, and as an {@link Instant} or {@link OffsetDateTime} that
 * time in UTC. Times of day and timestamps read as text as PostgreSQL writes them: seconds, then
 * as many fractional digits as the value has ({@code 10:11:12.34}), never padded nor cut.
 */
final class TypedReads {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private TypedReads() {}

  static <T> T read(ResultSet rows, int column, Class<T> type) throws SQLException {
    Object value = value(rows, column, type);
    return rows.wasNull() ? null : type.cast(value);
  }

  /** The text PostgreSQL would send for a time or timestamp; null when the column is of another type. */
  static String text(ResultSet rows, int column) throws SQLException {
    int type = rows.getMetaData().getColumnType(column);
    if (type != Types.TIMESTAMP && type != Types.TIME) {
      return null;
    }
    long millis = type == Types.TIME ? rows.getTime(column, utc()).getTime()
        : rows.getTimestamp(column, utc()).getTime();
    LocalDateTime at = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L),
        (int) Math.floorMod(millis, 1000L) * 1_000_000, ZoneOffset.UTC);
    String time = String.format(Locale.ROOT, "%02d:%02d:%02d%s", at.getHour(), at.getMinute(), at.getSecond(),
        fraction(at.getNano()));
    if (type == Types.TIME) {
      return time;
    }
    boolean instant = rows.getMetaData().getColumnTypeName(column).toUpperCase(Locale.ROOT).contains("TIME_ZONE");
    return at.toLocalDate() + " " + time + (instant ? "+00" : "");
  }

  private static Object value(ResultSet rows, int column, Class<?> type) throws SQLException {
    if (type == String.class) {
      return rows.getString(column);
    } else if (type == LocalDate.class) {
      Date date = rows.getDate(column, utc());
      return date == null ? null : LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), MILLIS_PER_DAY));
    } else if (type == LocalTime.class) {
      Time time = rows.getTime(column, utc());
      return time == null ? null : LocalTime.ofNanoOfDay(Math.floorMod(time.getTime(), MILLIS_PER_DAY) * 1_000_000);
    } else if (type == LocalDateTime.class) {
      Instant instant = instant(rows, column);
      return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    } else if (type == Instant.class) {
      return instant(rows, column);
    } else if (type == OffsetDateTime.class) {
      Instant instant = instant(rows, column);
      return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    } else if (type == BigDecimal.class) {
      return rows.getBigDecimal(column);
    } else if (type == Boolean.class) {
      return rows.getBoolean(column);
    } else if (type == Byte.class) {
      return rows.getByte(column);
    } else if (type == Short.class) {
      return rows.getShort(column);
    } else if (type == Integer.class) {
      return rows.getInt(column);
    } else if (type == Long.class) {
      return rows.getLong(column);
    } else if (type == Float.class) {
      return rows.getFloat(column);
    } else if (type == Double.class) {
      return rows.getDouble(column);
    } else if (type == byte[].class) {
      return rows.getBytes(column);
    } else if (type == Date.class) {
      return rows.getDate(column);
    } else if (type == Time.class) {
      return rows.getTime(column);
    } else if (type == Timestamp.class) {
      return rows.getTimestamp(column);
    }
    Object value = rows.getObject(column);
    if (value != null && !type.isInstance(value)) {
      throw new SQLException("cannot read column " + column + " (" + rows.getMetaData().getColumnTypeName(column)
          + ") as " + type.getName() + "; read it as " + value.getClass().getName() + " or String", "22018");
    }
    return value;
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    Timestamp timestamp = rows.getTimestamp(column, utc());
    return timestamp == null ? null : Instant.ofEpochMilli(timestamp.getTime());
  }

  /** {@code .34} for 340 ms; nothing for whole seconds. */
  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    }
    String digits = String.format(Locale.ROOT, "%09d", nanos).replaceFirst("0+$", "");
    return "." + digits;
  }

  private static Calendar utc() {
    return Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
  }
}
