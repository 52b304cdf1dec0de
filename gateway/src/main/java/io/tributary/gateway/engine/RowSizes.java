package io.tributary.gateway.engine;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * About how many bytes of heap a row of Calcite's enumerable operators takes: an {@code Object[]}
 * of boxed values (or one value for a one-column row), with compressed references. An estimate,
 * not a measurement: what an operator holds is counted from it ({@link HeldRows}).
 */
final class RowSizes {
  /** What a held row costs besides itself: the entry of the map or list that holds it. */
  static final int ENTRY = 48;
  private static final int HEADER = 16;
  private static final int REFERENCE = 4;

  private RowSizes() {}

  static long of(Object row) {
    if (row instanceof Object[] fields) {
      long bytes = HEADER + (long) REFERENCE * fields.length;
      for (Object field : fields) {
        bytes += value(field);
      }
      return bytes;
    }
    return value(row);
  }

  /** The bytes of the values at {@code keys} of {@code row}. */
  static long of(Object row, int[] keys) {
    if (!(row instanceof Object[] fields)) {
      return value(row);
    }
    long bytes = HEADER + (long) REFERENCE * keys.length;
    for (int key : keys) {
      bytes += value(fields[key]);
    }
    return bytes;
  }

  private static long value(Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String text) {
      return 40 + text.length();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.precision() > 18 ? 88 : 40;
    }
    if (value instanceof ByteString bytes) {
      return 40 + bytes.length();
    }
    if (value instanceof byte[] bytes) {
      return HEADER + bytes.length;
    }
    if (value instanceof Object[] nested) {
      return of(nested);
    }
    if (value instanceof List<?> list) {
      long bytes = 24 + HEADER + (long) REFERENCE * list.size();
      for (Object element : list) {
        bytes += value(element);
      }
      return bytes;
    }
    return 16; // a boxed number, boolean, date or time: a header and one field
  }
}
