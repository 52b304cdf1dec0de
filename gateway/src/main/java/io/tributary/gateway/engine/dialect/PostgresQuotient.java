package io.tributary.gateway.engine.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * PostgreSQL's division of numerics, to the scale PostgreSQL picks for each value: at least 16
 * significant digits, and no fewer decimals than either operand has ({@code select_div_scale}
 * in PostgreSQL's {@code numeric.c}), rounded half away from zero. Calcite's own division stops
 * at 16 significant digits, which is fewer than PostgreSQL prints (25.52200585325734 where
 * PostgreSQL says 25.5220058532573370).
 *
 * <p>Inside the gateway it runs as a function; a store that divides as PostgreSQL does is sent
 * a plain {@code /}: it is a built-in numeric function to the pushdown rules, not a user's.
 */
public final class PostgresQuotient {
  /** PostgreSQL's {@code NUMERIC_MIN_SIG_DIGITS}. */
  private static final int MIN_SIGNIFICANT_DIGITS = 16;
  /** PostgreSQL holds numerics in base 10000: four decimal digits per digit. */
  private static final int DIGITS_PER_GROUP = 4;
  private static final BigInteger GROUP = BigInteger.valueOf(10_000);

  /** The division, with the scale of its type as a third operand: no value gets more decimals than its column declares. */
  static final SqlOperator OPERATOR = new Operator();

  private PostgresQuotient() {}

  /**
   * {@code dividend / divisor} as PostgreSQL computes it, with at most {@code maxScale} decimals.
   * Calcite calls it from generated code.
   */
  @Strict
  public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int maxScale) {
    if (divisor.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    Group first = Group.of(dividend);
    Group second = Group.of(divisor);
    int quotientWeight = first.weight - second.weight - (first.digit <= second.digit ? 1 : 0);
    int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * DIGITS_PER_GROUP;
    scale = Math.max(scale, Math.max(Math.max(dividend.scale(), divisor.scale()), 0));
    return dividend.divide(divisor, Math.min(scale, maxScale), RoundingMode.HALF_UP);
  }

  /** The first non-zero base-10000 digit of a value and its weight (0 for units, -1 for the first four decimals). */
  private record Group(int weight, int digit) {
    static Group of(BigDecimal value) {
      BigDecimal magnitude = value.abs();
      if (magnitude.signum() == 0) {
        return new Group(0, 0);
      }
      BigInteger whole = magnitude.toBigInteger();
      if (whole.signum() > 0) {
        int weight = (whole.toString().length() - 1) / DIGITS_PER_GROUP;
        return new Group(weight, whole.divide(GROUP.pow(weight)).intValueExact());
      }
      // |value| < 1: the group of four decimals that holds the first non-zero one.
      int firstDecimal = magnitude.scale() - magnitude.precision() + 1;
      int group = (firstDecimal + DIGITS_PER_GROUP - 1) / DIGITS_PER_GROUP;
      BigInteger digits = magnitude.movePointRight(group * DIGITS_PER_GROUP).toBigInteger().mod(GROUP);
      return new Group(-group, digits.intValueExact());
    }
  }

  /** Written as the division it is, so the stores that divide as PostgreSQL does are sent {@code a / b}. */
  private static final class Operator extends SqlUserDefinedFunction {
    Operator() {
      // Only ever built from relational expressions, never validated: no operand checker.
      super(new SqlIdentifier("/", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.QUOTIENT_NULLABLE,
          InferTypes.FIRST_KNOWN, null, ScalarFunctionImpl.create(PostgresQuotient.class, "divide"),
          SqlFunctionCategory.NUMERIC, SqlSyntax.BINARY);
    }

    @Override
    public int getLeftPrec() {
      return SqlStdOperatorTable.DIVIDE.getLeftPrec();
    }

    @Override
    public int getRightPrec() {
      return SqlStdOperatorTable.DIVIDE.getRightPrec();
    }

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      SqlStdOperatorTable.DIVIDE.unparse(writer,
          SqlStdOperatorTable.DIVIDE.createCall(call.getParserPosition(), call.operand(0), call.operand(1)),
          leftPrec, rightPrec);
    }
  }
}
