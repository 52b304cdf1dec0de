package io.tributary.adapter.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A store table's columns as the gateway types them: Calcite's reading of the store's metadata,
 * except that the long character and binary types (MySQL's {@code TEXT}, {@code JSON} and
 * {@code BLOB}, {@code CLOB}s), which Calcite leaves untyped ({@code ANY}), are text and bytes, and
 * unbounded bytes ({@code bytea}) are of varying length.
 * An untyped column cannot be compared with a list of values, sorted or shown to BI tools as text.
 */
final class StoreRowType {
  /** The longest fixed-length binary type of the stores served (MySQL's {@code BINARY(255)}). */
  private static final int MAX_FIXED_BINARY = 255;

  private StoreRowType() {}

  /** The row type of {@code table}; asks the store's metadata again only when a column is untyped. */
  static RelProtoDataType of(JdbcTable table, DataSource dataSource) throws SQLException {
    RelDataTypeFactory factory = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    RelDataType calcites = table.getRowType(factory);
    boolean untyped = calcites.getFieldList().stream().anyMatch(f -> f.getType().getSqlTypeName() == SqlTypeName.ANY);
    Map<String, SqlTypeName> typed = untyped ? longTypes(table, dataSource) : Map.of();
    RelDataTypeFactory.Builder row = factory.builder();
    for (RelDataTypeField field : calcites.getFieldList()) {
      RelDataType type = field.getType();
      SqlTypeName named = typed.get(field.getName());
      if (type.getSqlTypeName() == SqlTypeName.ANY && named != null) {
        type = factory.createTypeWithNullability(factory.createSqlType(named), type.isNullable());
      } else if (type.getSqlTypeName() == SqlTypeName.BINARY && type.getPrecision() > MAX_FIXED_BINARY) {
        // PostgreSQL's bytea comes as BINARY(2147483647): fixed length would pad every value compared with it.
        type = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARBINARY), type.isNullable());
      }
      row.add(field.getName(), type);
    }
    return RelDataTypeImpl.proto(row.build());
  }

  /** The columns of long character or binary JDBC types, by name, as Calcite's unbounded equivalents. */
  private static Map<String, SqlTypeName> longTypes(JdbcTable table, DataSource dataSource) throws SQLException {
    Map<String, SqlTypeName> typed = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet columns = connection.getMetaData().getColumns(table.jdbcCatalogName, table.jdbcSchemaName,
            literalPattern(table.jdbcTableName, connection.getMetaData().getSearchStringEscape()), null)) {
      while (columns.next()) {
        SqlTypeName type = switch (columns.getInt("DATA_TYPE")) {
          case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> SqlTypeName.VARCHAR;
          case Types.LONGVARBINARY, Types.BLOB -> SqlTypeName.VARBINARY;
          default -> null;
        };
        if (type != null) {
          typed.put(columns.getString("COLUMN_NAME"), type);
        }
      }
    }
    return typed;
  }

  /** The metadata pattern matching exactly {@code name}, whose {@code _} and {@code %} are otherwise wildcards. */
  static String literalPattern(String name, String escape) {
    return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
  }
}
