package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainUnavailableException;
import java.util.ArrayList;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * PostgreSQL's {@code information_schema.schemata}, {@code tables} and {@code columns}, with its
 * column names and meanings, over what the session itself holds: the schemas, tables and columns
 * its {@code DatabaseMetaData} lists (published tables, the data products it may read, the
 * system tables). Tools written for PostgreSQL browse the gateway with them. The catalog is the
 * one JDBC shows, {@value Engine#CATALOG}; nothing is updatable.
 */
final class InformationSchema extends AbstractSchema {
  static final String NAME = "information_schema";

  private final Map<String, Table> tables;

  /** @param owners the owner shown for each schema (a domain's team) */
  InformationSchema(Function<String, String> owners) {
    this.tables = Map.of(
        "schemata", new Listing(List.of(text("catalog_name"), text("schema_name"), text("schema_owner"),
            text("default_character_set_catalog"), text("default_character_set_schema"),
            text("default_character_set_name"), text("sql_path")),
            root -> schemata(root, owners)),
        "tables", new Listing(List.of(text("table_catalog"), text("table_schema"), text("table_name"),
            text("table_type"), text("self_referencing_column_name"), text("reference_generation"),
            text("user_defined_type_catalog"), text("user_defined_type_schema"), text("user_defined_type_name"),
            text("is_insertable_into"), text("is_typed"), text("commit_action")),
            InformationSchema::tables),
        "columns", new Listing(ColumnRows.COLUMNS, ColumnRows::of));
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }

  private static List<Object[]> schemata(DataContext root, Function<String, String> owners) {
    List<Object[]> rows = new ArrayList<>();
    for (CalciteSchema schema : schemas(root)) {
      rows.add(new Object[] {Engine.CATALOG, schema.getName(), owners.apply(schema.getName()), null, null, null, null});
    }
    return rows;
  }

  private static List<Object[]> tables(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (CalciteSchema schema : schemas(root)) {
      for (String name : schema.getTableNames(LikePattern.any())) {
        String type = table(schema, name).getJdbcTableType() == Schema.TableType.VIEW ? "VIEW" : "BASE TABLE";
        rows.add(new Object[] {Engine.CATALOG, schema.getName(), name, type, null, null, null, null, null, "NO", "NO", null});
      }
    }
    return rows;
  }

  /** The schemas the session's {@code DatabaseMetaData} lists, in its order. */
  static List<CalciteSchema> schemas(DataContext root) {
    CalciteSchema rootSchema = root.getRootSchema().unwrap(CalciteSchema.class);
    List<CalciteSchema> schemas = new ArrayList<>();
    for (String name : rootSchema.subSchemas().getNames(LikePattern.any())) {
      schemas.add(rootSchema.getSubSchema(name, true));
    }
    return schemas;
  }

  static Table table(CalciteSchema schema, String name) {
    return schema.getTable(name, true).getTable();
  }

  /** A table's columns, or none while its store cannot say (as {@link BrowsableTables} lists them). */
  static List<RelDataTypeField> fields(Table table, RelDataTypeFactory typeFactory) {
    try {
      return table.getRowType(typeFactory).getFieldList();
    } catch (DomainUnavailableException e) {
      return List.of();
    }
  }

  /** A listing of {@code columns} (JDBC's, texts and small integers), named in lower case as SQL names are here. */
  static Table listing(List<MetaRows.Column> columns, Function<DataContext, List<Object[]>> rows) {
    return new Listing(columns.stream().map(c -> new Column(c.name().toLowerCase(Locale.ROOT),
        c.type() == Types.SMALLINT ? SqlTypeName.SMALLINT : SqlTypeName.VARCHAR)).toList(), rows);
  }

  static Column text(String name) {
    return new Column(name, SqlTypeName.VARCHAR);
  }

  static Column number(String name) {
    return new Column(name, SqlTypeName.INTEGER);
  }

  /** A column of a listing; every one is nullable. */
  record Column(String name, SqlTypeName type) {}

  /** A listing computed from the session's schema on every scan. */
  private static final class Listing extends AbstractTable implements ScannableTable {
    private final List<Column> columns;
    private final Function<DataContext, List<Object[]>> rows;

    Listing(List<Column> columns, Function<DataContext, List<Object[]>> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      RelDataTypeFactory.Builder builder = typeFactory.builder();
      columns.forEach(c -> builder.add(c.name(), c.type()).nullable(true));
      return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows.apply(root));
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.VIEW;
    }
  }
}
