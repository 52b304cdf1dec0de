package io.tributary.gateway.product;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.BINARY;
import static org.apache.calcite.sql.type.SqlTypeName.CHAR;
import static org.apache.calcite.sql.type.SqlTypeName.DATE;
import static org.apache.calcite.sql.type.SqlTypeName.DECIMAL;
import static org.apache.calcite.sql.type.SqlTypeName.DOUBLE;
import static org.apache.calcite.sql.type.SqlTypeName.FLOAT;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.REAL;
import static org.apache.calcite.sql.type.SqlTypeName.SMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIME;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_TZ;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
import static org.apache.calcite.sql.type.SqlTypeName.TINYINT;
import static org.apache.calcite.sql.type.SqlTypeName.UBIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.UINTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.USMALLINT;
import static org.apache.calcite.sql.type.SqlTypeName.UTINYINT;
import static org.apache.calcite.sql.type.SqlTypeName.VARBINARY;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.catalog.contract.ColumnType;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Whether a store column can deliver every value its contract promises: the store's type must
 * hold nothing the promised type cannot. A wider store type does not fit (a store
 * {@code VARCHAR(200)} may hold a value a promised {@code VARCHAR(100)} excludes); a narrower one
 * does (a store {@code INTEGER} behind a promised {@code BIGINT}).
 *
 * <table>
 *   <caption>What fits a promise</caption>
 *   <tr><th>promised</th><th>store types that fit</th></tr>
 *   <tr><td>integer types</td><td>integer types and {@code DECIMAL(p,0)} whose range lies inside the promise's</td></tr>
 *   <tr><td>{@code DECIMAL(p,s)}</td><td>{@code DECIMAL(P,S)} with {@code S <= s} and {@code P-S <= p-s};
 *       integer types with at most {@code p-s} digits; anything exact when no precision is promised</td></tr>
 *   <tr><td>{@code DOUBLE}, {@code FLOAT}</td><td>approximate types, integers within 2^53, {@code DECIMAL(p<=15)}</td></tr>
 *   <tr><td>{@code REAL}</td><td>{@code REAL}, integers within 2^24</td></tr>
 *   <tr><td>{@code CHAR/VARCHAR(n)}</td><td>{@code CHAR/VARCHAR(m)} with {@code m <= n}; any length when none is promised</td></tr>
 *   <tr><td>{@code BINARY/VARBINARY(n)}</td><td>the same, among binary types</td></tr>
 *   <tr><td>{@code TIME(p)}</td><td>{@code TIME} with at most {@code p} fractional digits</td></tr>
 *   <tr><td>{@code TIMESTAMP(p)}, with or without zone</td><td>a timestamp, with or without zone, with at most
 *       {@code p} fractional digits; a {@code DATE}</td></tr>
 *   <tr><td>{@code ANY}</td><td>anything</td></tr>
 *   <tr><td>any other type</td><td>the same type, within the promised precision</td></tr>
 * </table>
 */
final class TypeFit {
  private static final Map<SqlTypeName, Range> INTEGER_RANGES = Map.of(
      TINYINT, Range.of(Byte.MIN_VALUE, Byte.MAX_VALUE),
      SMALLINT, Range.of(Short.MIN_VALUE, Short.MAX_VALUE),
      INTEGER, Range.of(Integer.MIN_VALUE, Integer.MAX_VALUE),
      BIGINT, Range.of(Long.MIN_VALUE, Long.MAX_VALUE),
      UTINYINT, Range.of(0, 255),
      USMALLINT, Range.of(0, 65_535),
      UINTEGER, Range.of(0, 4_294_967_295L),
      UBIGINT, new Range(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE)));
  /** Integers a double holds exactly, and a float. */
  private static final Range DOUBLE_EXACT = Range.symmetric(BigInteger.TWO.pow(53));
  private static final Range REAL_EXACT = Range.symmetric(BigInteger.TWO.pow(24));
  private static final int DOUBLE_DIGITS = 15;
  private static final Set<SqlTypeName> CHARACTERS = Set.of(CHAR, VARCHAR);
  private static final Set<SqlTypeName> BINARIES = Set.of(BINARY, VARBINARY);
  /**
   * Timestamps with and without zone fit each other: JDBC drivers report PostgreSQL's
   * {@code timestamptz} as a plain {@code TIMESTAMP}, so telling them apart would break every
   * contract that promises one.
   */
  private static final Set<SqlTypeName> TIMESTAMPS = Set.of(TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ);

  private TypeFit() {}

  /** Whether every value of the store's {@code store} type is a value of {@code promised}. */
  static boolean fits(ColumnType promised, RelDataType store) {
    SqlTypeName have = store.getSqlTypeName();
    return switch (promised.sqlType()) {
      case ANY -> true;
      case TINYINT, SMALLINT, INTEGER, BIGINT, UTINYINT, USMALLINT, UINTEGER, UBIGINT ->
          integral(store).map(INTEGER_RANGES.get(promised.sqlType())::contains).orElse(false);
      case DECIMAL -> decimalFits(promised, store);
      case DOUBLE, FLOAT -> have == DOUBLE || have == FLOAT || have == REAL
          || integral(store).map(DOUBLE_EXACT::contains).orElse(false)
          || have == DECIMAL && store.getPrecision() <= DOUBLE_DIGITS;
      case REAL -> have == REAL || integral(store).map(REAL_EXACT::contains).orElse(false);
      case CHAR, VARCHAR -> CHARACTERS.contains(have) && withinPrecision(promised, store);
      case BINARY, VARBINARY -> BINARIES.contains(have) && withinPrecision(promised, store);
      case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIMESTAMP_TZ ->
          have == DATE || TIMESTAMPS.contains(have) && withinPrecision(promised, store);
      default -> have == promised.sqlType() && withinPrecision(promised, store);
    };
  }

  private static boolean decimalFits(ColumnType promised, RelDataType store) {
    if (promised.precision() < 0) {
      return store.getSqlTypeName() == DECIMAL || INTEGER_RANGES.containsKey(store.getSqlTypeName());
    }
    int scale = Math.max(promised.scale(), 0); // DECIMAL(p) is DECIMAL(p,0)
    int integerDigits = promised.precision() - scale;
    if (store.getSqlTypeName() == DECIMAL) {
      return store.getScale() <= scale && store.getPrecision() - store.getScale() <= integerDigits;
    }
    return integral(store).map(Range.symmetric(BigInteger.TEN.pow(integerDigits))::contains).orElse(false);
  }

  /** The values of an integral store type: integer types, and decimals without fraction. */
  private static Optional<Range> integral(RelDataType store) {
    SqlTypeName have = store.getSqlTypeName();
    if (have == DECIMAL && store.getScale() == 0) {
      return Optional.of(Range.symmetric(BigInteger.TEN.pow(store.getPrecision())));
    }
    return Optional.ofNullable(INTEGER_RANGES.get(have));
  }

  /** Lengths, and fractional digits of times: the store's at most the promised; unbounded only if the promise is. */
  private static boolean withinPrecision(ColumnType promised, RelDataType store) {
    if (promised.precision() < 0) {
      return true;
    }
    int have = store.getPrecision();
    return have != RelDataType.PRECISION_NOT_SPECIFIED && have <= promised.precision();
  }

  /** A closed range of integers. */
  private record Range(BigInteger min, BigInteger max) {
    static Range of(long min, long max) {
      return new Range(BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    /** Every integer strictly between {@code -bound} and {@code bound}. */
    static Range symmetric(BigInteger bound) {
      return new Range(bound.negate().add(BigInteger.ONE), bound.subtract(BigInteger.ONE));
    }

    boolean contains(Range other) {
      return min.compareTo(other.min) <= 0 && other.max.compareTo(max) <= 0;
    }
  }
}
