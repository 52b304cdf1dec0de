package io.tributary.gateway.engine;

import io.tributary.gateway.engine.dialect.PostgresParser;
import io.tributary.gateway.engine.dialect.PostgresTypeSystem;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * How every session reads SQL: the PostgreSQL flavour analysts and BI tools send (see
 * {@code docs/sql.md}), with names matched regardless of case.
 */
final class SessionSettings {
  private SessionSettings() {}

  static Properties properties() {
    Properties p = new Properties();
    // Standard SQL quoting, names as written, matched regardless of case: what BI tools expect.
    p.setProperty(CalciteConnectionProperty.QUOTING.camelName(), "DOUBLE_QUOTE");
    p.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    // Calcite's lenient parser, which reserves only what PostgreSQL reserves and reads `::`, ILIKE, …
    p.setProperty(CalciteConnectionProperty.PARSER_FACTORY.camelName(),
        PostgresParser.class.getName() + "#FACTORY");
    // PostgreSQL's leniencies (GROUP BY an alias or ordinal, !=, %) without Babel's MySQL ones (non-strict GROUP BY).
    p.setProperty(CalciteConnectionProperty.CONFORMANCE.camelName(), SqlConformanceEnum.LENIENT.name());
    p.setProperty(CalciteConnectionProperty.TYPE_SYSTEM.camelName(), PostgresTypeSystem.class.getName() + "#INSTANCE");
    p.setProperty(CalciteConnectionProperty.FUN.camelName(), "standard,postgresql");
    // PostgreSQL sorts NULL above every value: last ascending, first descending.
    p.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), NullCollation.HIGH.name());
    p.setProperty(CalciteConnectionProperty.TIME_ZONE.camelName(), "UTC");
    p.setProperty(CalciteConnectionProperty.META_TABLE_FACTORY.camelName(), BrowsableTables.class.getName());
    p.setProperty(CalciteConnectionProperty.META_COLUMN_FACTORY.camelName(), BrowsableColumns.class.getName());
    return p;
  }
}
