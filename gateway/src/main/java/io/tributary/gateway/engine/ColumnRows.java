package io.tributary.gateway.engine;

import static io.tributary.gateway.engine.InformationSchema.number;
import static io.tributary.gateway.engine.InformationSchema.text;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.schema.lookup.LikePattern;

/** The rows of {@code information_schema.columns}: PostgreSQL's 44 columns, those that mean something here filled. */
final class ColumnRows {
  static final List<InformationSchema.Column> COLUMNS = List.of(text("table_catalog"), text("table_schema"),
      text("table_name"), text("column_name"), number("ordinal_position"), text("column_default"),
      text("is_nullable"), text("data_type"), number("character_maximum_length"), number("character_octet_length"),
      number("numeric_precision"), number("numeric_precision_radix"), number("numeric_scale"),
      number("datetime_precision"), text("interval_type"), number("interval_precision"),
      text("character_set_catalog"), text("character_set_schema"), text("character_set_name"),
      text("collation_catalog"), text("collation_schema"), text("collation_name"), text("domain_catalog"),
      text("domain_schema"), text("domain_name"), text("udt_catalog"), text("udt_schema"), text("udt_name"),
      text("scope_catalog"), text("scope_schema"), text("scope_name"), number("maximum_cardinality"),
      text("dtd_identifier"), text("is_self_referencing"), text("is_identity"), text("identity_generation"),
      text("identity_start"), text("identity_increment"), text("identity_maximum"), text("identity_minimum"),
      text("identity_cycle"), text("is_generated"), text("generation_expression"), text("is_updatable"));

  private ColumnRows() {}

  static List<Object[]> of(DataContext root) {
    List<Object[]> rows = new ArrayList<>();
    for (CalciteSchema schema : InformationSchema.schemas(root)) {
      for (String table : schema.getTableNames(LikePattern.any())) {
        List<RelDataTypeField> fields =
            InformationSchema.fields(InformationSchema.table(schema, table), root.getTypeFactory());
        for (RelDataTypeField field : fields) {
          rows.add(row(schema.getName(), table, field));
        }
      }
    }
    return rows;
  }

  private static Object[] row(String schema, String table, RelDataTypeField field) {
    PostgresColumnTypes type = PostgresColumnTypes.of(field.getType());
    int position = field.getIndex() + 1;
    return new Object[] {Engine.CATALOG, schema, table, field.getName(), position, null,
        field.getType().isNullable() ? "YES" : "NO", type.dataType(), type.characterMaximumLength(),
        type.characterOctetLength(), type.numericPrecision(), type.numericPrecisionRadix(), type.numericScale(),
        type.datetimePrecision(), null, null, null, null, null, null, null, null, null, null, null,
        null, "pg_catalog", type.udtName(), null, null, null, null, String.valueOf(position), "NO", "NO", null,
        null, null, null, null, "NO", "NEVER", null, "NO"};
  }
}
