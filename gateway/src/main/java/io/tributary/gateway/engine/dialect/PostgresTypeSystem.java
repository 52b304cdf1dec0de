package io.tributary.gateway.engine.dialect;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Types of numbers as PostgreSQL's, within fixed-scale types: an average or a quotient of
 * decimals is a decimal of {@value #QUOTIENT_SCALE} decimals, room for the digits PostgreSQL gives
 * it ({@link PostgresQuotient} computes them: at least 16 significant digits, so 16 to 20 decimals
 * for the values analysts divide); an average of integers is such a decimal too; casts round half
 * away from zero; a {@code CASE} or {@code UNION} of strings of different lengths is
 * {@code VARCHAR}, not blank-padded; interval literals hold as many days as PostgreSQL's.
 */
public final class PostgresTypeSystem extends RelDataTypeSystemImpl {
  /** Found by Calcite through the {@code typeSystem} connection property. */
  public static final PostgresTypeSystem INSTANCE = new PostgresTypeSystem();

  /** The widest decimal; every store we push to (PostgreSQL, MariaDB) holds it. */
  static final int MAX_DECIMAL_PRECISION = 38;
  /** Decimals of an average or a quotient of decimals. */
  static final int QUOTIENT_SCALE = 20;

  private PostgresTypeSystem() {}

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  /** An interval literal may hold as many days, hours, … as PostgreSQL's ({@code interval '400 days'}). */
  @Override
  public int getDefaultPrecision(SqlTypeName typeName) {
    return typeName.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
        || typeName.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH
        ? SqlTypeName.MAX_INTERVAL_START_PRECISION : super.getDefaultPrecision(typeName);
  }

  @Override
  public RoundingMode roundingMode() {
    return RoundingMode.HALF_UP;
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }

  @Override
  public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    if (!SqlTypeUtil.isExactNumeric(argumentType)) {
      return argumentType;
    }
    int integerDigits = argumentType.getPrecision() - argumentType.getScale();
    return typeFactory.createTypeWithNullability(
        quotient(typeFactory, integerDigits, argumentType.getScale(), 0), argumentType.isNullable());
  }

  @Override
  public @Nullable RelDataType deriveDecimalDivideType(RelDataTypeFactory typeFactory, RelDataType dividend,
      RelDataType divisor) {
    if (!SqlTypeUtil.isExactNumeric(dividend) || !SqlTypeUtil.isExactNumeric(divisor)
        || !SqlTypeUtil.isDecimal(dividend) && !SqlTypeUtil.isDecimal(divisor)) {
      return null; // integers divide as integers, as in PostgreSQL
    }
    dividend = typeFactory.decimalOf(dividend);
    divisor = typeFactory.decimalOf(divisor);
    int integerDigits = dividend.getPrecision() - dividend.getScale() + divisor.getScale();
    return quotient(typeFactory, integerDigits, dividend.getScale(), divisor.getScale());
  }

  /**
   * A decimal of at least {@value #QUOTIENT_SCALE} decimals (more if an operand has more); the
   * integer digits give way when both do not fit, as the values divided rarely need them all.
   */
  private RelDataType quotient(RelDataTypeFactory typeFactory, int integerDigits, int scale1, int scale2) {
    int scale = Math.min(MAX_DECIMAL_PRECISION - 1, Math.max(QUOTIENT_SCALE, Math.max(scale1, scale2)));
    int precision = Math.min(MAX_DECIMAL_PRECISION, Math.max(1, integerDigits) + scale);
    return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
  }
}
