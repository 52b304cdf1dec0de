package io.tributary.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.DomainQueryException;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** How each store's dialect writes the values and names the gateway sends it. */
class StoreDialectsTest {
  private static final SqlParserPos POS = SqlParserPos.ZERO;
  private static final SqlDialect POSTGRES = new PostgresStoreDialect("crm");
  private static final SqlDialect MYSQL = new MysqlStoreDialect();
  private static final SqlDialect H2 = new H2StoreDialect();

  @Test
  void aStringLiteralDoublesItsQuotesAndNothingElseForTheSessionsTheGatewayPins() {
    String value = "\\' OR 1=1 -- ";
    for (SqlDialect dialect : new SqlDialect[] {POSTGRES, MYSQL, H2}) {
      assertEquals("'\\'' OR 1=1 -- '", sql(SqlLiteral.createCharString(value, POS), dialect), dialect.toString());
    }
  }

  @Test
  void nonAsciiTextIsWrittenAsItselfNotAsEscapes() {
    String value = "\u00e9\uff07\ud83d\ude00";
    assertEquals("'" + value + "'", sql(SqlLiteral.createCharString(value, POS), POSTGRES));
    assertEquals("'" + value + "'", sql(SqlLiteral.createCharString(value, POS), MYSQL));
  }

  @Test
  void aNulCharacterForPostgresqlIsRefusedNamingTheDomainAndTheSqlState() {
    DomainQueryException refused = assertThrows(DomainQueryException.class,
        () -> sql(SqlLiteral.createCharString("a\0b", POS), POSTGRES));

    assertEquals("crm", refused.domain());
    assertEquals("22021", refused.sqlState());
    assertTrue(refused.getMessage().contains("NUL"), refused.getMessage());
  }

  @Test
  void aLikePatternWithBackslashesIsWrittenSoTheStoreDoesNotEscapeWithThem() {
    SqlNode like = SqlStdOperatorTable.LIKE.createCall(POS, column(), SqlLiteral.createCharString("a\\%", POS));

    for (SqlDialect dialect : new SqlDialect[] {POSTGRES, MYSQL, H2}) {
      assertTrue(sql(like, dialect).endsWith("LIKE 'a\\\\%'"), sql(like, dialect));
    }
  }

  @Test
  void aLikePatternThatIsNotALiteralSwitchesTheStoresDefaultEscapeOff() {
    SqlNode like = SqlStdOperatorTable.LIKE.createCall(POS, column(), column());

    assertTrue(sql(like, POSTGRES).endsWith("LIKE \"body\" ESCAPE ''"), sql(like, POSTGRES));
    assertTrue(sql(like, H2).endsWith("LIKE \"body\" ESCAPE ''"), sql(like, H2));
    assertTrue(sql(like, MYSQL).endsWith("LIKE REPLACE(`body`, '\\', '\\\\')"), sql(like, MYSQL));
  }

  @Test
  void aLikeWithItsOwnEscapeIsWrittenAsGiven() {
    SqlNode like = SqlStdOperatorTable.LIKE.createCall(POS, column(), SqlLiteral.createCharString("a!%\\", POS),
        SqlLiteral.createCharString("!", POS));

    assertTrue(sql(like, MYSQL).endsWith("LIKE 'a!%\\' ESCAPE '!'"), sql(like, MYSQL));
  }

  @Test
  void concatenationForMysqlIsAFunctionWhichMeansTheSameInEverySqlMode() {
    SqlNode concat = SqlStdOperatorTable.CONCAT.createCall(POS, column(), SqlLiteral.createCharString("x", POS));

    assertEquals("CONCAT(`body`, 'x')", sql(concat, MYSQL));
  }

  @Test
  void bytesForPostgresqlAreByteaNotABitString() {
    SqlNode equals = SqlStdOperatorTable.EQUALS.createCall(POS, column(), SqlLiteral.createBinaryString("00275c", POS));

    assertEquals("\"body\" = CAST('\\x00275C' AS BYTEA)", sql(equals, POSTGRES));
    assertEquals("`body` = X'00275C'", sql(equals, MYSQL));
  }

  @Test
  void aTimestampCastForMysqlKeepsItsFractionOfASecond() {
    RelDataTypeFactory types = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
    SqlNode spec = MYSQL.getCastSpec(types.createSqlType(SqlTypeName.TIMESTAMP, 3));

    assertEquals("DATETIME(3)", sql(spec, MYSQL));
  }

  @Test
  void identifiersDoubleTheirStoresQuote() {
    SqlNode name = new SqlIdentifier("we\"ir`d", POS);

    assertEquals("\"we\"\"ir`d\"", sql(name, POSTGRES));
    assertEquals("`we\"ir``d`", sql(name, MYSQL));
  }

  private static SqlIdentifier column() {
    return new SqlIdentifier("body", POS);
  }

  private static String sql(SqlNode node, SqlDialect dialect) {
    return node.toSqlString(dialect).getSql();
  }
}
