package io.tributary.adapter.jdbc;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.runtime.ResultSetEnumerable;
import org.apache.calcite.runtime.ResultSetEnumerable.PreparedStatementEnricher;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Binds a pushed-down query's parameters with Calcite's own binder, after turning date, time and
 * timestamp values from Calcite's internal numbers (days, milliseconds of the day, milliseconds
 * of the epoch, all wall-clock) into the {@code java.sql} values the binder hands to the driver as
 * dates and times. Called from generated code.
 */
public final class TemporalParameters implements DataContext {
  static final Set<SqlTypeName> CONVERTED = Set.of(SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP);

  private final DataContext parameters;
  private final Map<String, SqlTypeName> types;

  private TemporalParameters(DataContext parameters, Map<String, SqlTypeName> types) {
    this.parameters = parameters;
    this.types = types;
  }

  /**
   * Calcite's enricher over converted values.
   *
   * @param indexes the parameters in the order the store's SQL uses them
   * @param temporal which parameters to convert, as {@link #describe} wrote them
   * @param parameters where Calcite keeps the values ({@code ?0}, {@code ?1}, ...)
   */
  public static PreparedStatementEnricher createEnricher(Integer[] indexes, String temporal, DataContext parameters) {
    Map<String, SqlTypeName> types = new TreeMap<>();
    for (String entry : temporal.split(",")) {
      String[] indexAndType = entry.split(":");
      types.put("?" + indexAndType[0], SqlTypeName.valueOf(indexAndType[1]));
    }
    return ResultSetEnumerable.createEnricher(indexes, new TemporalParameters(parameters, types));
  }

  /** The parameter types as a constant generated code can carry: {@code 0:DATE,2:TIMESTAMP}. */
  static String describe(Map<Integer, SqlTypeName> temporal) {
    return temporal.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().name())
        .collect(Collectors.joining(","));
  }

  @Override
  public Object get(String name) {
    Object value = parameters.get(name);
    SqlTypeName type = types.get(name);
    if (type == null || !(value instanceof Number number)) {
      return value;
    }
    return switch (type) {
      case DATE -> Date.valueOf(LocalDate.ofEpochDay(number.longValue()));
      case TIME -> Time.valueOf(LocalTime.ofNanoOfDay(number.longValue() * 1_000_000L));
      case TIMESTAMP -> Timestamp.valueOf(LocalDateTime.ofEpochSecond(Math.floorDiv(number.longValue(), 1000L),
          (int) Math.floorMod(number.longValue(), 1000L) * 1_000_000, ZoneOffset.UTC));
      default -> value;
    };
  }

  @Override
  public SchemaPlus getRootSchema() {
    return parameters.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return parameters.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return parameters.getQueryProvider();
  }
}
