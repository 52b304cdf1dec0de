package io.tributary.adapter.jdbc;

import io.tributary.adapter.spi.DomainQueryException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlBinaryStringLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL as the gateway writes to it, on connections pinned to
 * {@code standard_conforming_strings = on}: inside {@code '…'} only the quote is special, and a
 * doubled quote is the whole escape. What the gateway computes keeps its meaning there: decimals
 * as wide as the gateway's (Calcite's dialect stops at 19 digits, so a cast to a wider decimal
 * would overflow), timestamps to the microsecond, and the day of the week counted from 1 on
 * Sunday, as Calcite counts it (PostgreSQL counts from 0).
 */
final class PostgresStoreDialect extends PostgresqlSqlDialect {
  /** SQLSTATE PostgreSQL itself reports for a character its encoding cannot hold. */
  private static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  static final SessionSetup SESSION = new SessionSetup(
      List.of("SET standard_conforming_strings = on"),
      "SELECT current_setting('standard_conforming_strings') = 'on'",
      "standard_conforming_strings = on");

  /** PostgreSQL's numeric holds 1000 digits. */
  private static final int MAX_NUMERIC = 1000;

  private static final RelDataTypeSystem TYPES = new WideDecimals(POSTGRESQL_TYPE_SYSTEM, MAX_NUMERIC, MAX_NUMERIC);

  private final String domain;

  PostgresStoreDialect(String domain) {
    super(DEFAULT_CONTEXT.withDataTypeSystem(TYPES));
    this.domain = domain;
  }

  @Override
  public void quoteStringLiteral(StringBuilder buf, @Nullable String charsetName, String val) {
    if (val.indexOf('\0') >= 0) {
      throw new DomainQueryException(domain, CHARACTER_NOT_IN_REPERTOIRE, "domain `" + domain
          + "` is a PostgreSQL store, whose text cannot hold the NUL character (U+0000); remove it from the"
          + " string compared with or sent to " + domain + ".*");
    }
    buf.append('\'').append(val.replace("'", "''")).append('\'');
  }

  /**
   * A timestamp cast keeps PostgreSQL's microseconds: Calcite's TIMESTAMP is {@code TIMESTAMP(0)}
   * when no precision is written, which PostgreSQL would round to whole seconds.
   */
  @Override
  public @Nullable SqlNode getCastSpec(RelDataType type) {
    if (type.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
      return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP, SqlParserPos.ZERO), SqlParserPos.ZERO);
    }
    return super.getCastSpec(type);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    if (call.getKind() == SqlKind.EXTRACT && call.operand(0) instanceof SqlLiteral unit
        && unit.getValue() == TimeUnitRange.DOW) {
      SqlWriter.Frame frame = writer.startList("(", ")");
      super.unparseCall(writer, call, 0, 0);
      writer.sep("+");
      writer.literal("1");
      writer.endList(frame);
      return;
    }
    SqlCall written = LikePatterns.asStoreMeansIt(withBytea(call), LikePatterns.NoEscape.EMPTY_ESCAPE);
    super.unparseCall(writer, written, leftPrec, rightPrec);
  }

  /**
   * The call with its binary literals as {@code bytea}: PostgreSQL reads Calcite's
   * {@code X'…'} as a bit string, which no {@code bytea} column equals.
   */
  private static SqlCall withBytea(SqlCall call) {
    if (!(call instanceof SqlBasicCall basic)
        || call.getOperandList().stream().noneMatch(SqlBinaryStringLiteral.class::isInstance)) {
      return call;
    }
    List<SqlNode> operands = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      operands.add(operand instanceof SqlBinaryStringLiteral bytes ? bytea(bytes) : operand);
    }
    return new SqlBasicCall(call.getOperator(), operands, call.getParserPosition(), basic.getFunctionQuantifier());
  }

  private static SqlNode bytea(SqlBinaryStringLiteral bytes) {
    SqlParserPos pos = bytes.getParserPosition();
    String hex = bytes.getValueAs(BitString.class).toHexString();
    return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString("\\x" + hex, pos),
        new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec("BYTEA", SqlTypeName.VARBINARY, pos), pos));
  }
}
