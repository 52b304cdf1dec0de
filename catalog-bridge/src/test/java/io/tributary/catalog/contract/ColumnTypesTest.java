package io.tributary.catalog.contract;

import static io.tributary.catalog.contract.TestContracts.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColumnTypesTest {

  @ParameterizedTest(name = "{0} -> {1}({2},{3})")
  @CsvSource(delimiter = '|', textBlock = """
      varchar(100)                   | VARCHAR                        | 100 | -1
      VARCHAR ( 100 )                | VARCHAR                        | 100 | -1
      character varying(40)          | VARCHAR                        |  40 | -1
      text                           | VARCHAR                        |  -1 | -1
      string                         | VARCHAR                        |  -1 | -1
      char(3)                        | CHAR                           |   3 | -1
      char                           | CHAR                           |   1 | -1
      int                            | INTEGER                        |  -1 | -1
      integer                        | INTEGER                        |  -1 | -1
      int4                           | INTEGER                        |  -1 | -1
      bigint                         | BIGINT                         |  -1 | -1
      int8                           | BIGINT                         |  -1 | -1
      smallint                       | SMALLINT                       |  -1 | -1
      tinyint                        | TINYINT                        |  -1 | -1
      decimal(10,2)                  | DECIMAL                        |  10 |  2
      numeric(12)                    | DECIMAL                        |  12 |  0
      numeric                        | DECIMAL                        |  -1 | -1
      double                         | DOUBLE                         |  -1 | -1
      double precision               | DOUBLE                         |  -1 | -1
      float8                         | DOUBLE                         |  -1 | -1
      float                          | DOUBLE                         |  -1 | -1
      real                           | REAL                           |  -1 | -1
      float4                         | REAL                           |  -1 | -1
      boolean                        | BOOLEAN                        |  -1 | -1
      bool                           | BOOLEAN                        |  -1 | -1
      date                           | DATE                           |  -1 | -1
      time                           | TIME                           |  -1 | -1
      timestamp                      | TIMESTAMP                      |  -1 | -1
      timestamp(3)                   | TIMESTAMP                      |   3 | -1
      datetime                       | TIMESTAMP                      |  -1 | -1
      timestamp without time zone    | TIMESTAMP                      |  -1 | -1
      timestamptz                    | TIMESTAMP_WITH_LOCAL_TIME_ZONE |  -1 | -1
      timestamp(6) with time zone    | TIMESTAMP_WITH_LOCAL_TIME_ZONE |   6 | -1
      bytea                          | VARBINARY                      |  -1 | -1
      """)
  void physicalTypeNormalisesOntoSql(String physicalType, SqlTypeName sqlType, int precision, int scale) {
    assertEquals(new ColumnType(sqlType, precision, scale, physicalType), type("physicalType: " + physicalType));
  }

  @ParameterizedTest(name = "{0} -> {1}({2})")
  @CsvSource(delimiter = '|', textBlock = """
      logicalType: string                                                   | VARCHAR   |  -1 | string
      'logicalType: string\n        logicalTypeOptions: {maxLength: 50}'   | VARCHAR   |  50 | string(maxLength 50)
      logicalType: integer                                                  | INTEGER   |  -1 | integer
      'logicalType: integer\n        logicalTypeOptions: {format: i64}'    | BIGINT    |  -1 | integer(i64)
      'logicalType: integer\n        logicalTypeOptions: {format: i16}'    | SMALLINT  |  -1 | integer(i16)
      logicalType: number                                                   | DOUBLE    |  -1 | number
      'logicalType: number\n        logicalTypeOptions: {format: f32}'     | REAL      |  -1 | number(f32)
      logicalType: boolean                                                  | BOOLEAN   |  -1 | boolean
      logicalType: date                                                     | DATE      |  -1 | date
      logicalType: timestamp                                                | TIMESTAMP |  -1 | timestamp
      logicalType: time                                                     | TIME      |  -1 | time
      """)
  void logicalTypeAloneStandsForADefaultSqlType(String lines, SqlTypeName sqlType, int precision, String written) {
    assertEquals(new ColumnType(sqlType, precision, -1, written), type(lines.replace("\\n", "\n")));
  }

  @Test
  void physicalTypeWinsOverACompatibleLogicalType() {
    assertEquals(new ColumnType(SqlTypeName.TIMESTAMP, -1, -1, "timestamp"),
        type("logicalType: date\n        physicalType: timestamp"));
  }

  @Test
  void integerFormatsBeyondSixtyFourBitsNeedAPhysicalType() {
    ContractException refused = assertThrows(ContractException.class,
        () -> type("logicalType: integer\n        logicalTypeOptions: {format: u64}"));
    assertEquals("test: schema[0].properties[0].logicalTypeOptions.format: `u64` is not a supported format of"
        + " logicalType integer; expected one of [i8, i16, i32, i64], or a physicalType", refused.getMessage());
  }

  private static ColumnType type(String lines) {
    String text = MINIMAL.replace("physicalType: bigint", lines);
    return ContractParser.parse("test", text).tables().get(0).columns().get(0).type();
  }
}
