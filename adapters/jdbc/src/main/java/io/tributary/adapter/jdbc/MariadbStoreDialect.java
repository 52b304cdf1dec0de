package io.tributary.adapter.jdbc;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's MySQL dialect with decimals as wide as MariaDB and MySQL hold them (65 digits, 30
 * decimals); Calcite's stops at 19 digits, so a cast to a wider decimal would overflow there.
 */
final class MariadbStoreDialect extends MysqlSqlDialect {
  private static final int MAX_DECIMAL_PRECISION = 65;

  private static final RelDataTypeSystem TYPES = new RelDataTypeSystemImpl() {
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : MYSQL_TYPE_SYSTEM.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
      return MYSQL_TYPE_SYSTEM.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
      return MYSQL_TYPE_SYSTEM.getDefaultPrecision(typeName);
    }
  };

  static final MariadbStoreDialect INSTANCE = new MariadbStoreDialect();

  private MariadbStoreDialect() {
    super(DEFAULT_CONTEXT.withDataTypeSystem(TYPES));
  }
}
