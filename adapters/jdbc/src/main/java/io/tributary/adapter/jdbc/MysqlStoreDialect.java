package io.tributary.adapter.jdbc;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.MysqlSqlDialect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * MySQL and MariaDB as the gateway writes to them, on connections pinned to
 * {@code NO_BACKSLASH_ESCAPES} and {@code utf8mb4}: inside {@code '…'} only the quote is special,
 * and no multi-byte character set can swallow it. Without the pin a backslash before a quote ends
 * the literal early and lets the rest of the value run as SQL.
 */
final class MysqlStoreDialect extends MysqlSqlDialect {
  /**
   * Keeps every mode the store owner chose and adds the one literals rely on. {@code ANSI_QUOTES}
   * and {@code PIPES_AS_CONCAT} may stay as they are: identifiers go in backticks and
   * concatenation is written {@code CONCAT(…)}, which mean the same in every mode.
   */
  static final SessionSetup SESSION = new SessionSetup(
      List.of("SET SESSION sql_mode = TRIM(BOTH ',' FROM CONCAT(@@SESSION.sql_mode, ',NO_BACKSLASH_ESCAPES'))"),
      "SELECT FIND_IN_SET('NO_BACKSLASH_ESCAPES', @@SESSION.sql_mode) > 0"
          + " AND @@SESSION.character_set_client = 'utf8mb4'",
      "sql_mode NO_BACKSLASH_ESCAPES with character set utf8mb4");

  /** MySQL and MariaDB keep at most microseconds. */
  private static final int MAX_FRACTIONAL_DIGITS = 6;

  /** MySQL and MariaDB hold decimals of 65 digits; Calcite's dialect stops at 19, so a cast to a wider one would overflow. */
  private static final int MAX_DECIMAL_PRECISION = 65;

  /** And at most 30 decimals. */
  private static final int MAX_DECIMAL_SCALE = 30;

  private static final RelDataTypeSystem TYPES =
      new WideDecimals(MYSQL_TYPE_SYSTEM, MAX_DECIMAL_PRECISION, MAX_DECIMAL_SCALE);

  MysqlStoreDialect() {
    super(DEFAULT_CONTEXT.withDataTypeSystem(TYPES));
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    // Written out rather than inherited: a later Calcite doubles backslashes for MySQL, which under
    // NO_BACKSLASH_ESCAPES would change the value instead of protecting it.
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }

  /** Calcite casts to a bare {@code DATETIME}, which drops the fraction of a second a comparison needs. */
  @Override
  public @Nullable SqlNode getCastSpec(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.TIMESTAMP && type.getPrecision() > 0) {
      int digits = Math.min(type.getPrecision(), MAX_FRACTIONAL_DIGITS);
      return new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec("DATETIME(" + digits + ")", SqlTypeName.TIMESTAMP,
          SqlParserPos.ZERO), SqlParserPos.ZERO);
    }
    return super.getCastSpec(type);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getOperator() == SqlStdOperatorTable.CONCAT) {
      // `||` is OR unless the store's sql_mode has PIPES_AS_CONCAT.
      SqlLibraryOperators.CONCAT_FUNCTION.unparse(writer,
          SqlLibraryOperators.CONCAT_FUNCTION.createCall(call.getParserPosition(), call.getOperandList()), 0, 0);
      return;
    }
    super.unparseCall(writer, LikePatterns.asStoreMeansIt(call, LikePatterns.NoEscape.ESCAPED_PATTERN), leftPrec, rightPrec);
  }
}
