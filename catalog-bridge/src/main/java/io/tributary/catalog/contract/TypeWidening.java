package io.tributary.catalog.contract;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.CHAR;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TINYINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Which type changes keep every value a consumer has seen, and its SQL type family: the only type
 * changes a minor version may make. Deliberately small; anything else needs a new major.
 */
final class TypeWidening {
  /** Changes of type name that hold every value; sizes are checked on top. */
  private static final Map<SqlTypeName, Set<SqlTypeName>> WIDER = Map.of(
      TINYINT, Set.of(SMALLINT, INTEGER, BIGINT),
      SMALLINT, Set.of(INTEGER, BIGINT),
      INTEGER, Set.of(BIGINT),
      REAL, Set.of(DOUBLE),
      CHAR, Set.of(VARCHAR));

  private TypeWidening() {}

  /** Whether a column promised as {@code served} may become {@code proposed} within one major. */
  static boolean holds(ColumnType served, ColumnType proposed) {
    boolean sameOrWider = served.sqlType() == proposed.sqlType()
        || WIDER.getOrDefault(served.sqlType(), Set.of()).contains(proposed.sqlType());
    return sameOrWider && sizeHolds(served.precision(), proposed.precision()) && served.scale() == proposed.scale();
  }

  /**
   * A length, precision or fractional-seconds size may grow or become unbounded (-1), never shrink,
   * and an unbounded one may not become bounded.
   */
  private static boolean sizeHolds(int served, int proposed) {
    return proposed == -1 || (served != -1 && proposed >= served);
  }
}
