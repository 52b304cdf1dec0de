package io.tributary.gateway.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.catalog.contract.ColumnType;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compatibility table between a promised type and the store's: the store must hold nothing the promise excludes. */
class TypeFitTest {
  private static final RelDataTypeFactory TYPES = new JavaTypeFactoryImpl();

  @ParameterizedTest(name = "promised {0}({1},{2}), store {3}({4},{5}): fits {6}")
  @CsvSource({
      "VARCHAR, 100, -1, VARCHAR, 100, -1, true",
      "VARCHAR, 100, -1, VARCHAR, 50, -1, true",
      "VARCHAR, 100, -1, CHAR, 2, -1, true",
      "VARCHAR, 100, -1, VARCHAR, 200, -1, false",
      "VARCHAR, 100, -1, VARCHAR, -1, -1, false",
      "VARCHAR, -1, -1, VARCHAR, -1, -1, true",
      "VARCHAR, -1, -1, INTEGER, -1, -1, false",
      "BIGINT, -1, -1, INTEGER, -1, -1, true",
      "INTEGER, -1, -1, BIGINT, -1, -1, false",
      "INTEGER, -1, -1, DECIMAL, 9, 0, true",
      "INTEGER, -1, -1, DECIMAL, 10, 0, false",
      "INTEGER, -1, -1, DECIMAL, 5, 2, false",
      "BIGINT, -1, -1, UINTEGER, -1, -1, true",
      "INTEGER, -1, -1, UINTEGER, -1, -1, false",
      "DECIMAL, 12, 2, DECIMAL, 12, 2, true",
      "DECIMAL, 12, 2, DECIMAL, 8, 2, true",
      "DECIMAL, 12, 2, DECIMAL, 11, 1, true",
      "DECIMAL, 12, 2, DECIMAL, 14, 2, false",
      "DECIMAL, 12, 2, DECIMAL, 12, 3, false",
      "DECIMAL, 12, 2, INTEGER, -1, -1, true",
      "DECIMAL, 10, 2, BIGINT, -1, -1, false",
      "DECIMAL, 5, -1, DECIMAL, 5, 0, true",
      "DECIMAL, -1, -1, DECIMAL, 30, 10, true",
      "DOUBLE, -1, -1, REAL, -1, -1, true",
      "DOUBLE, -1, -1, INTEGER, -1, -1, true",
      "DOUBLE, -1, -1, BIGINT, -1, -1, false",
      "DOUBLE, -1, -1, DECIMAL, 10, 2, true",
      "REAL, -1, -1, DOUBLE, -1, -1, false",
      "TIMESTAMP, -1, -1, TIMESTAMP, 6, -1, true",
      "TIMESTAMP, 0, -1, TIMESTAMP, 3, -1, false",
      "TIMESTAMP, -1, -1, DATE, -1, -1, true",
      "TIMESTAMP_WITH_LOCAL_TIME_ZONE, -1, -1, TIMESTAMP, 3, -1, true",
      "DATE, -1, -1, TIMESTAMP, 0, -1, false",
      "BOOLEAN, -1, -1, BOOLEAN, -1, -1, true",
      "BOOLEAN, -1, -1, INTEGER, -1, -1, false",
      "ANY, -1, -1, VARBINARY, -1, -1, true",
  })
  void storeTypeFitsThePromiseOnlyWhenEveryStoreValueIsAPromisedValue(SqlTypeName promised, int precision, int scale,
      SqlTypeName store, int storePrecision, int storeScale, boolean fits) {
    ColumnType type = new ColumnType(promised, precision, scale, promised.getName());

    assertEquals(fits, TypeFit.fits(type, storeType(store, storePrecision, storeScale)));
  }

  private static RelDataType storeType(SqlTypeName name, int precision, int scale) {
    if (scale >= 0) {
      return TYPES.createSqlType(name, precision, scale);
    }
    return precision >= 0 ? TYPES.createSqlType(name, precision) : TYPES.createSqlType(name);
  }
}
