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
import java.util.Map;
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

  /** Reads one column of the current row as one class. */
  @FunctionalInterface
  private interface Reader {
    Object read(ResultSet rows, int column) throws SQLException;
  }

  /** The classes read through a getter of their own; any other is read as {@code getObject} answers, if it is one. */
  private static final Map<Class<?>, Reader> READERS = Map.ofEntries(
      Map.entry(String.class, ResultSet::getString),
      Map.entry(LocalDate.class, TypedReads::date),
      Map.entry(LocalTime.class, TypedReads::time),
      Map.entry(LocalDateTime.class, TypedReads::dateTime),
      Map.entry(Instant.class, TypedReads::instant),
      Map.entry(OffsetDateTime.class, TypedReads::offsetDateTime),
      Map.entry(BigDecimal.class, ResultSet::getBigDecimal),
      Map.entry(Boolean.class, ResultSet::getBoolean),
      Map.entry(Byte.class, ResultSet::getByte),
      Map.entry(Short.class, ResultSet::getShort),
      Map.entry(Integer.class, ResultSet::getInt),
      Map.entry(Long.class, ResultSet::getLong),
      Map.entry(Float.class, ResultSet::getFloat),
      Map.entry(Double.class, ResultSet::getDouble),
      Map.entry(byte[].class, ResultSet::getBytes),
      Map.entry(Date.class, ResultSet::getDate),
      Map.entry(Time.class, ResultSet::getTime),
      Map.entry(Timestamp.class, ResultSet::getTimestamp));

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
    Reader reader = READERS.get(type);
    if (reader != null) {
      return reader.read(rows, column);
    }
    Object value = rows.getObject(column);
    if (value != null && !type.isInstance(value)) {
      throw new SQLException("cannot read column " + column + " (" + rows.getMetaData().getColumnTypeName(column)
          + ") as " + type.getName() + "; read it as " + value.getClass().getName() + " or String", "22018");
    }
    return value;
  }

  private static LocalDate date(ResultSet rows, int column) throws SQLException {
    Date date = rows.getDate(column, utc());
    return date == null ? null : LocalDate.ofEpochDay(Math.floorDiv(date.getTime(), MILLIS_PER_DAY));
  }

  private static LocalTime time(ResultSet rows, int column) throws SQLException {
    Time time = rows.getTime(column, utc());
    return time == null ? null : LocalTime.ofNanoOfDay(Math.floorMod(time.getTime(), MILLIS_PER_DAY) * 1_000_000);
  }

  private static LocalDateTime dateTime(ResultSet rows, int column) throws SQLException {
    Instant instant = instant(rows, column);
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static OffsetDateTime offsetDateTime(ResultSet rows, int column) throws SQLException {
    Instant instant = instant(rows, column);
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
