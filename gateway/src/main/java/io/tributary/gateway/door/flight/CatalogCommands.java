package io.tributary.gateway.door.flight;

import io.tributary.gateway.engine.Caller;
import io.tributary.gateway.engine.Door;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.Session;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetDbSchemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetPrimaryKeys;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The catalog commands (GetCatalogs, GetDbSchemas, GetTables, GetTableTypes, GetXdbcTypeInfo and the key commands)
 * answered from an engine session's {@code DatabaseMetaData}, so they list what the JDBC door lists.
 */
final class CatalogCommands {
  private final Engine engine;
  private final BufferAllocator allocator;
  private final FlightErrors errors;

  CatalogCommands(Engine engine, BufferAllocator allocator, FlightErrors errors) {
    this.engine = engine;
    this.allocator = allocator;
    this.errors = errors;
  }

  /** The engine's one catalog, which holds every domain's schema. */
  void catalogs(ServerStreamListener listener) {
    answer(Schemas.GET_CATALOGS_SCHEMA, listener, meta -> rows(meta.getCatalogs(), "TABLE_CAT"));
  }

  void schemas(CommandGetDbSchemas command, ServerStreamListener listener) {
    answer(Schemas.GET_SCHEMAS_SCHEMA, listener, meta -> rows(meta.getSchemas(
        command.hasCatalog() ? command.getCatalog() : null,
        command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null),
        "TABLE_CATALOG", "TABLE_SCHEM"));
  }

  /** Tables, each with its Arrow schema when asked: what clients show as columns. */
  void tables(CommandGetTables command, ServerStreamListener listener) {
    String catalog = command.hasCatalog() ? command.getCatalog() : null;
    String schemaPattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
    String tablePattern = command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : null;
    String[] types = command.getTableTypesCount() == 0 ? null : command.getTableTypesList().toArray(String[]::new);
    Schema shape = command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA;
    answer(shape, listener, meta -> {
      Map<String, List<Field>> columns = command.getIncludeSchema()
          ? columns(meta, catalog, schemaPattern, tablePattern) : Map.of();
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet tables = meta.getTables(catalog, schemaPattern, tablePattern, types)) {
        while (tables.next()) {
          String schema = tables.getString("TABLE_SCHEM");
          String table = tables.getString("TABLE_NAME");
          byte[] tableSchema = new Schema(columns.getOrDefault(schema + "." + table, List.of())).serializeAsMessage();
          rows.add(new Object[] {tables.getString("TABLE_CAT"), schema, table, tables.getString("TABLE_TYPE"), tableSchema});
        }
      }
      return rows;
    });
  }

  void tableTypes(ServerStreamListener listener) {
    answer(Schemas.GET_TABLE_TYPES_SCHEMA, listener, meta -> rows(meta.getTableTypes(), "TABLE_TYPE"));
  }

  /** The primary key the table's contract declares, if any. */
  void primaryKeys(CommandGetPrimaryKeys command, ServerStreamListener listener) {
    answer(Schemas.GET_PRIMARY_KEYS_SCHEMA, listener, meta -> rows(meta.getPrimaryKeys(
        command.hasCatalog() ? command.getCatalog() : null, command.hasDbSchema() ? command.getDbSchema() : null,
        command.getTable()), "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
  }

  /** Foreign keys (imported, exported or between two tables), as the contracts' relationships declare them. */
  void foreignKeys(Schema shape, ServerStreamListener listener, Keys keys) {
    answer(shape, listener, meta -> rows(keys.of(meta), "PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME",
        "PKCOLUMN_NAME", "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "FK_NAME",
        "PK_NAME", "UPDATE_RULE", "DELETE_RULE"));
  }

  /**
   * The SQL types the engine speaks, as the JDBC door's {@code getTypeInfo} lists them, optionally
   * only one. JDBC leaves the SQL data type unused; Flight SQL wants it, and it equals the type for
   * every type the engine has.
   */
  void typeInfo(CommandGetXdbcTypeInfo command, ServerStreamListener listener) {
    answer(Schemas.GET_TYPE_INFO_SCHEMA, listener, meta -> {
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet types = meta.getTypeInfo()) {
        while (types.next()) {
          int dataType = types.getInt("DATA_TYPE");
          if (command.hasDataType() && command.getDataType() != dataType) {
            continue;
          }
          rows.add(new Object[] {types.getString("TYPE_NAME"), dataType, types.getObject("PRECISION"),
              types.getString("LITERAL_PREFIX"), types.getString("LITERAL_SUFFIX"), null,
              types.getInt("NULLABLE"), types.getBoolean("CASE_SENSITIVE"), types.getInt("SEARCHABLE"),
              types.getBoolean("UNSIGNED_ATTRIBUTE"), types.getBoolean("FIXED_PREC_SCALE"),
              types.getBoolean("AUTO_INCREMENT"), types.getString("LOCAL_TYPE_NAME"), types.getObject("MINIMUM_SCALE"),
              types.getObject("MAXIMUM_SCALE"), dataType, types.getObject("SQL_DATETIME_SUB"),
              types.getObject("NUM_PREC_RADIX"), null});
        }
      }
      return rows;
    });
  }

  /** An empty answer of the command's shape. */
  void none(Schema shape, ServerStreamListener listener) {
    send(shape, List.of(), listener);
  }

  /** The named columns of every row of a JDBC catalog answer, in the order of the Flight command's columns. */
  private static List<Object[]> rows(ResultSet answer, String... columns) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (answer) {
      while (answer.next()) {
        Object[] row = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
          row[i] = answer.getObject(columns[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** Every column of the matching tables, by {@code schema.table}; a table whose store is down has none. */
  private static Map<String, List<Field>> columns(DatabaseMetaData meta, String catalog, String schemaPattern,
      String tablePattern) throws SQLException {
    Map<String, List<Field>> columns = new LinkedHashMap<>();
    try (ResultSet column = meta.getColumns(catalog, schemaPattern, tablePattern, null)) {
      while (column.next()) {
        String schema = column.getString("TABLE_SCHEM");
        String table = column.getString("TABLE_NAME");
        columns.computeIfAbsent(schema + "." + table, t -> new ArrayList<>())
            .add(ArrowColumns.tableColumn(column, schema, table));
      }
    }
    return columns;
  }

  private void answer(Schema shape, ServerStreamListener listener, Lister lister) {
    List<Object[]> rows;
    try (Session session = engine.openSession(new Caller(null, Door.FLIGHT, ""))) {
      rows = lister.list(session.metadata());
    } catch (SQLException | RuntimeException e) {
      listener.error(errors.toClient(e, ""));
      return;
    }
    send(shape, rows, listener);
  }

  private void send(Schema shape, List<Object[]> rows, ServerStreamListener listener) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(shape, allocator)) {
      root.allocateNew();
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < shape.getFields().size(); c++) {
          set(root.getVector(c), r, rows.get(r)[c]);
        }
      }
      root.setRowCount(rows.size());
      listener.start(root);
      listener.putNext();
      listener.completed();
    }
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      return; // vectors start out null
    }
    if (vector instanceof VarCharVector text) {
      text.setSafe(row, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof VarBinaryVector bytes) {
      bytes.setSafe(row, (byte[]) value);
    } else if (vector instanceof IntVector integer) {
      integer.setSafe(row, ((Number) value).intValue());
    } else if (vector instanceof UInt1Vector unsigned) {
      unsigned.setSafe(row, ((Number) value).intValue());
    } else if (vector instanceof BitVector bit) {
      bit.setSafe(row, (Boolean) value ? 1 : 0);
    } else {
      throw new IllegalArgumentException("no catalog command has a column of type " + vector.getField().getType());
    }
  }

  /** One foreign key call on the engine's metadata. */
  @FunctionalInterface
  interface Keys {
    ResultSet of(DatabaseMetaData meta) throws SQLException;
  }

  /** Reads one catalog listing as rows of the command's columns, in order. */
  @FunctionalInterface
  private interface Lister {
    List<Object[]> list(DatabaseMetaData meta) throws SQLException;
  }
}
