package io.tributary.adapter.jdbc;

import org.apache.calcite.rel.type.DelegatingTypeSystem;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A store dialect's types with decimals as wide as the store holds them: Calcite's dialects stop
 * at 19 digits, so a cast to one of the gateway's wider decimals (38 digits) would overflow there.
 */
final class WideDecimals extends DelegatingTypeSystem {
  private final int maxPrecision;
  private final int maxScale;

  WideDecimals(RelDataTypeSystem dialectTypes, int maxPrecision, int maxScale) {
    super(dialectTypes);
    this.maxPrecision = maxPrecision;
    this.maxScale = maxScale;
  }

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? maxPrecision : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? maxScale : super.getMaxScale(typeName);
  }
}
