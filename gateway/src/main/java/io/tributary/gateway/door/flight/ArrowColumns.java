package io.tributary.gateway.door.flight;

import java.math.RoundingMode;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.arrow.adapter.jdbc.JdbcFieldInfo;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfig;
import org.apache.arrow.adapter.jdbc.JdbcToArrowConfigBuilder;
import org.apache.arrow.adapter.jdbc.JdbcToArrowUtils;
import org.apache.arrow.adapter.jdbc.consumer.JdbcConsumer;
import org.apache.arrow.adapter.jdbc.consumer.TimestampTZConsumer;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Engine columns as Arrow fields, and the arrow-jdbc configuration that turns result rows into
 * record batches. arrow-jdbc maps the JDBC types and fills the vectors; this class adds only what
 * it cannot know about the engine: which timestamps are instants, how to read binary values, and
 * the column metadata Flight SQL clients read.
 */
final class ArrowColumns {
  /** How the engine's session reads and writes date-times; see {@code Engine}. */
  static final String SESSION_ZONE = "UTC";
  /**
   * Calcite reports timestamps that denote instants with JDBC type TIMESTAMP, like wall-clock
   * ones; only the type name tells them apart.
   */
  private static final List<String> INSTANT_TYPE_NAMES = List.of("TIMESTAMP_WITH_LOCAL_TIME_ZONE", "TIMESTAMP_TZ",
      "TIMESTAMP WITH LOCAL TIME ZONE", "TIMESTAMP WITH TIME ZONE");
  /** arrow-jdbc would need per-column configuration for these; no engine table has them yet. */
  private static final Set<Integer> UNSUPPORTED = Set.of(Types.ARRAY, Types.STRUCT, Types.OTHER, Types.JAVA_OBJECT,
      Types.DISTINCT, Types.REF, Types.ROWID, Types.SQLXML);

  private ArrowColumns() {}

  /**
   * Reads {@code batchRows} rows at a time into one reused set of vectors. No calendar: Avatica
   * already reads DATE, TIME and TIMESTAMP in the session's zone, and a calendar would make
   * arrow-jdbc tag every timestamp, wall-clock ones too, with that zone.
   */
  static JdbcToArrowConfig rowReader(BufferAllocator memory, ResultSetMetaData columns, int batchRows)
      throws SQLException {
    return new JdbcToArrowConfigBuilder()
        .setAllocator(memory)
        .setJdbcToArrowTypeConverter(column -> arrowType(column, "column " + column.getColumn()))
        .setJdbcConsumerGetter(ArrowColumns::consumer)
        .setTargetBatchSize(batchRows)
        .setReuseVectorSchemaRoot(true)
        // Only exact rescaling (2.5 -> 2.50): a value with more digits than its column declares fails loudly.
        .setBigDecimalRoundingMode(RoundingMode.UNNECESSARY)
        .setColumnMetadataByColumnIndex(metadata(columns))
        .build();
  }

  /** The Arrow schema of a result, as {@link #rowReader} will fill it. */
  static Schema schema(BufferAllocator memory, ResultSetMetaData columns) throws SQLException {
    return JdbcToArrowUtils.jdbcToArrowSchema(columns, rowReader(memory, columns, 1));
  }

  /**
   * The schema clients bind a prepared statement's parameters with. A decimal parameter is
   * announced as a double: the Arrow Flight SQL JDBC driver fills the vector of a decimal parameter
   * with the caller's {@code BigDecimal} as it is, and refuses one whose scale differs from the
   * parameter's ({@code setBigDecimal(1, new BigDecimal("100"))} for a {@code DECIMAL(10, 2)}), so
   * a statement that ran with one value failed with the next. A double carries any such value of
   * up to 15 significant digits; the parameters are bound as the vectors that arrive, so a client
   * that sends a decimal vector of its own keeps every digit.
   */
  static Schema parameters(ParameterMetaData parameters) throws SQLException {
    List<Field> fields = new ArrayList<>();
    for (int i = 1; i <= parameters.getParameterCount(); i++) {
      JdbcFieldInfo parameter = new JdbcFieldInfo(parameters.getParameterType(i), ParameterMetaData.parameterNullable,
          parameters.getPrecision(i), parameters.getScale(i));
      ArrowType type = parameter.getJdbcType() == Types.DECIMAL || parameter.getJdbcType() == Types.NUMERIC
          ? new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE) : arrowType(parameter, "parameter " + i);
      fields.add(new Field("parameter_" + i, FieldType.nullable(type), null));
    }
    return new Schema(fields);
  }

  /** One row of {@code DatabaseMetaData.getColumns} as the field of a table's schema. */
  static Field tableColumn(ResultSet column, String schemaName, String tableName) throws SQLException {
    JdbcFieldInfo info = new JdbcFieldInfo(column);
    String name = column.getString("COLUMN_NAME");
    FlightSqlColumnMetadata.Builder metadata = new FlightSqlColumnMetadata.Builder()
        .schemaName(schemaName)
        .tableName(tableName)
        .typeName(orEmpty(info.getTypeName()))
        .isReadOnly(true);
    String remarks = column.getString("REMARKS");
    if (remarks != null) {
      metadata.remarks(remarks);
    }
    if (info.getPrecision() > 0) {
      // Types without a size (floating point) have none; clients derive it from the Arrow type.
      metadata.precision(info.getPrecision());
    }
    if (column.getObject("DECIMAL_DIGITS") != null) {
      metadata.scale(info.getScale()); // texts have no decimal digits rather than none
    }
    boolean nullable = info.isNullable() != ResultSetMetaData.columnNoNulls;
    return new Field(name, new FieldType(nullable, arrowType(info, "column `" + name + "`"), null,
        metadata.build().getMetadataMap()), null);
  }

  private static ArrowType arrowType(JdbcFieldInfo column, String what) {
    String typeName = orEmpty(column.getTypeName()).toUpperCase(Locale.ROOT);
    if (column.getJdbcType() == Types.TIMESTAMP_WITH_TIMEZONE
        || (column.getJdbcType() == Types.TIMESTAMP && INSTANT_TYPE_NAMES.stream().anyMatch(typeName::startsWith))) {
      return new ArrowType.Timestamp(TimeUnit.MILLISECOND, SESSION_ZONE);
    }
    if (!UNSUPPORTED.contains(column.getJdbcType())) {
      try {
        return JdbcToArrowUtils.getArrowTypeFromJdbcType(column, null);
      } catch (UnsupportedOperationException unmapped) {
        // intervals and the like: reported below, with what to cast to
      }
    }
    throw new UnsupportedColumnTypeException(what, typeName.isEmpty() ? "JDBC type " + column.getJdbcType() : typeName);
  }

  private static JdbcConsumer<?> consumer(ArrowType type, int column, boolean nullable, FieldVector vector,
      JdbcToArrowConfig config) {
    if (type instanceof ArrowType.Timestamp timestamp && timestamp.getTimezone() != null) {
      // arrow-jdbc takes the zone of instants from the config-wide calendar, which we leave unset.
      return TimestampTZConsumer.createConsumer((TimeStampMilliTZVector) vector, column, nullable,
          Calendar.getInstance(TimeZone.getTimeZone(SESSION_ZONE)));
    }
    if (type instanceof ArrowType.Binary) {
      return new BytesConsumer((VarBinaryVector) vector, column);
    }
    return JdbcToArrowUtils.getConsumer(type, column, nullable, vector, config);
  }

  /** What Flight SQL clients show in {@code ResultSetMetaData}: type names, sizes, origin. */
  private static Map<Integer, Map<String, String>> metadata(ResultSetMetaData columns) throws SQLException {
    Map<Integer, Map<String, String>> all = new HashMap<>();
    for (int i = 1; i <= columns.getColumnCount(); i++) {
      all.put(i, new FlightSqlColumnMetadata.Builder()
          .schemaName(orEmpty(columns.getSchemaName(i)))
          .tableName(orEmpty(columns.getTableName(i)))
          .typeName(orEmpty(columns.getColumnTypeName(i)))
          .precision(columns.getPrecision(i))
          .scale(columns.getScale(i))
          .isAutoIncrement(columns.isAutoIncrement(i))
          .isCaseSensitive(columns.isCaseSensitive(i))
          .isSearchable(columns.isSearchable(i))
          .isReadOnly(true)
          .build().getMetadataMap());
    }
    return all;
  }

  /** Arrow's metadata maps cannot carry nulls, and Calcite leaves some names unset. */
  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
