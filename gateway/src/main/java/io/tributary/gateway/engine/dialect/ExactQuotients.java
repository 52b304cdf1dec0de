package io.tributary.gateway.engine.dialect;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Builds every decimal division so that it runs to the scale of its type. Calcite's runtime
 * divides decimals to 16 significant digits whatever the type says (25.52200585325734 where
 * PostgreSQL gives 25.5220058532573370); its checked division keeps the dividend's scale, so the
 * dividend is first widened to the quotient's scale, by a multiplication, which never overflows
 * as a cast to a narrower decimal would. Averages are divisions too once Calcite reduces them to
 * a sum over a count, which it does with this builder.
 */
final class ExactQuotients extends RexBuilder {

  ExactQuotients(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, SqlOperator op, List<? extends RexNode> exprs) {
    return exact(pos, super.makeCall(pos, op, exprs));
  }

  @Override
  public RexNode makeCall(SqlParserPos pos, RelDataType returnType, SqlOperator op, List<RexNode> exprs) {
    return exact(pos, super.makeCall(pos, returnType, op, exprs));
  }

  private RexNode exact(SqlParserPos pos, RexNode node) {
    if (node.getKind() != SqlKind.DIVIDE || !SqlTypeUtil.isDecimal(node.getType())) {
      return node;
    }
    RexCall division = (RexCall) node;
    RexNode dividend = division.operands.get(0);
    int widen = node.getType().getScale() - Math.max(0, dividend.getType().getScale());
    if (widen > 0) {
      dividend = super.makeCall(pos, SqlStdOperatorTable.MULTIPLY,
          List.of(dividend, makeExactLiteral(BigDecimal.ONE.setScale(widen))));
    }
    return super.makeCall(pos, node.getType(), SqlStdOperatorTable.CHECKED_DIVIDE,
        List.of(dividend, division.operands.get(1)));
  }
}
