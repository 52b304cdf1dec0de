package io.tributary.gateway.product;

import io.tributary.catalog.contract.ColumnType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Promised and store column types as SQL writes them, and promised types as Calcite types. */
final class ColumnTypes {
  private ColumnTypes() {}

  /** E.g. {@code VARCHAR(100)}, {@code DECIMAL(10,2)}, {@code DATE}. */
  static String render(ColumnType type) {
    return render(type.sqlType(), type.precision(), type.scale());
  }

  /** The store's type in the same words, without nullability or character set. */
  static String render(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return render(name, name.allowsPrec() ? type.getPrecision() : -1, name.allowsScale() ? type.getScale() : -1);
  }

  /** The promised type as a Calcite type: what a product answers with while its store cannot be used. */
  static RelDataType relType(ColumnType type, boolean nullable, RelDataTypeFactory typeFactory) {
    SqlTypeName name = type.sqlType();
    RelDataType base;
    if (type.precision() >= 0 && type.scale() >= 0 && name.allowsPrecScale(true, true)) {
      base = typeFactory.createSqlType(name, type.precision(), type.scale());
    } else if (type.precision() >= 0 && name.allowsPrecNoScale()) {
      base = typeFactory.createSqlType(name, type.precision());
    } else {
      base = typeFactory.createSqlType(name);
    }
    return typeFactory.createTypeWithNullability(base, nullable);
  }

  private static String render(SqlTypeName name, int precision, int scale) {
    if (precision < 0) {
      return name.getName();
    }
    return name.getName() + "(" + precision + (scale > 0 ? "," + scale : "") + ")";
  }
}
