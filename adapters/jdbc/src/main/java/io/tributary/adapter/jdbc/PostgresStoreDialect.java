package io.tributary.adapter.jdbc;

import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's PostgreSQL dialect, writing what the gateway computes with the same meaning in
 * PostgreSQL: decimals as wide as the gateway's (Calcite's dialect stops at 19 digits, so a cast
 * to a wider decimal would overflow there), timestamps to the microsecond, and the day of the week
 * counted from 1 on Sunday, as Calcite counts it (PostgreSQL counts from 0).
 */
final class PostgresStoreDialect extends PostgresqlSqlDialect {
  /** PostgreSQL's numeric holds 1000 digits. */
  private static final int MAX_NUMERIC = 1000;

  private static final RelDataTypeSystem TYPES = new RelDataTypeSystemImpl() {
    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC
          : POSTGRESQL_TYPE_SYSTEM.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
      return typeName == SqlTypeName.DECIMAL ? MAX_NUMERIC : POSTGRESQL_TYPE_SYSTEM.getMaxScale(typeName);
    }
  };

  static final PostgresStoreDialect INSTANCE = new PostgresStoreDialect();

  private PostgresStoreDialect() {
    super(DEFAULT_CONTEXT.withDataTypeSystem(TYPES));
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
    super.unparseCall(writer, call, leftPrec, rightPrec);
  }
}
