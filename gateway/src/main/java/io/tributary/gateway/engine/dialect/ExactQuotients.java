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
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Builds every division of exact numbers whose type is a decimal as {@link PostgresQuotient}'s,
 * so it has the digits PostgreSQL gives it. Averages are such divisions too, once Calcite
 * reduces them to a sum over a count, which it does with this builder.
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
    List<RexNode> operands = ((RexCall) node).getOperands();
    if (!SqlTypeUtil.isExactNumeric(operands.get(0).getType()) || !SqlTypeUtil.isExactNumeric(operands.get(1).getType())) {
      return node;
    }
    return super.makeCall(pos, node.getType(), PostgresQuotient.OPERATOR, List.of(decimal(operands.get(0)),
        decimal(operands.get(1)), makeExactLiteral(BigDecimal.valueOf(node.getType().getScale()),
            typeFactory.createSqlType(SqlTypeName.INTEGER))));
  }

  /** An integer operand as a decimal, which the quotient's function takes. */
  private RexNode decimal(RexNode operand) {
    RelDataType type = operand.getType();
    return SqlTypeUtil.isDecimal(type) ? operand
        : makeCast(typeFactory.createTypeWithNullability(typeFactory.decimalOf(type), type.isNullable()), operand);
  }
}
