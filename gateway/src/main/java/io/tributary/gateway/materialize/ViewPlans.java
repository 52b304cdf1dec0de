package io.tributary.gateway.materialize;

import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * A materialization's query as a plan in the cluster of the statement being planned, read with the
 * statement's own catalog and SQL settings, beside a scan of the table holding its result: what
 * Calcite's materialized-view rewriting compares the statement with.
 */
final class ViewPlans {
  private ViewPlans() {}

  /**
   * @param reader the statement's catalog (its tables', which resolve the names as the session does)
   * @param table the qualified name of the table holding the result, {@code [materialized, <name>]}
   */
  static RelOptMaterialization of(String sql, List<String> table, RelOptCluster cluster, Prepare.CatalogReader reader) {
    RelOptTable materialized = reader.getTable(table);
    if (materialized == null) {
      throw new IllegalStateException(String.join(".", table) + " is not in the session's catalog");
    }
    RelNode query = convert(sql, cluster, reader);
    return new RelOptMaterialization(LogicalTableScan.create(cluster, materialized, List.of()), query, null, table);
  }

  private static RelNode convert(String sql, RelOptCluster cluster, Prepare.CatalogReader reader) {
    CalciteConnectionConfig config = reader.getConfig();
    SqlParser.Config parsing = SqlParser.config()
        .withParserFactory(config.parserFactory(SqlParserImplFactory.class, null))
        .withQuoting(config.quoting())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuotedCasing(config.quotedCasing())
        .withCaseSensitive(config.caseSensitive())
        .withConformance(config.conformance());
    SqlNode parsed;
    try {
      parsed = SqlParser.create(sql, parsing).parseQuery();
    } catch (SqlParseException e) {
      throw new IllegalStateException("the materialization's query no longer parses: " + e.getMessage(), e);
    }
    SqlOperatorTable operators = SqlOperatorTables.chain(config.fun(SqlOperatorTable.class,
        SqlStdOperatorTable.instance()), reader);
    SqlValidator validator = SqlValidatorUtil.newValidator(operators, reader, cluster.getTypeFactory(),
        SqlValidator.Config.DEFAULT.withConformance(config.conformance())
            .withDefaultNullCollation(config.defaultNullCollation())
            .withIdentifierExpansion(true));
    SqlToRelConverter converter = new SqlToRelConverter((rowType, queryString, schemaPath, viewPath) -> {
      throw new UnsupportedOperationException("views inside a materialization's query are not expanded");
    }, validator, reader, cluster, StandardConvertletTable.INSTANCE,
        SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
    return converter.convertQuery(parsed, true, true).project();
  }
}
