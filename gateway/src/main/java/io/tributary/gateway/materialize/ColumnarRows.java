package io.tributary.gateway.materialize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A materialization's rows, column by column in the engine's own representation: whole numbers,
 * dates, times and timestamps in primitive arrays, text as codes into a dictionary of the distinct
 * values, anything else as objects; nulls in a bit set per column. About a third of the memory of
 * rows held as object arrays, and the weight is counted as it grows, so a build can be stopped the
 * moment it passes its budget rather than after.
 */
final class ColumnarRows {
  /** Per-object overhead counted for a boxed value or a string (header, fields, padding). */
  private static final int OBJECT_BYTES = 24;

  private final RelDataType rowType;
  private final Column[] columns;
  private int size;

  private ColumnarRows(RelDataType rowType, Column[] columns) {
    this.rowType = rowType;
    this.columns = columns;
  }

  /** Empty columns for rows of {@code rowType}. */
  static ColumnarRows of(RelDataType rowType) {
    List<RelDataTypeField> fields = rowType.getFieldList();
    Column[] columns = new Column[fields.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(fields.get(i).getType().getSqlTypeName());
    }
    return new ColumnarRows(rowType, columns);
  }

  private static Column column(SqlTypeName type) {
    return switch (type) {
      case TINYINT, SMALLINT, INTEGER, BIGINT, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> new LongColumn(type);
      case CHAR, VARCHAR -> new TextColumn();
      default -> new ObjectColumn();
    };
  }

  /** Appends one row: an {@code Object[]} of the engine's values, or the value itself for one column. */
  void add(Object row) {
    if (columns.length == 1) {
      columns[0].add(row instanceof Object[] array ? array[0] : row);
    } else {
      Object[] values = (Object[]) row;
      for (int i = 0; i < columns.length; i++) {
        columns[i].add(values[i]);
      }
    }
    size++;
  }

  int size() {
    return size;
  }

  RelDataType rowType() {
    return rowType;
  }

  /** Row {@code index} as the engine reads it: an {@code Object[]} even for one column. */
  Object[] row(int index) {
    Object[] row = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      row[i] = columns[i].get(index);
    }
    return row;
  }

  /** What the rows take on the heap, estimated from what the columns hold. */
  long bytes() {
    long bytes = 0;
    for (Column column : columns) {
      bytes += column.bytes();
    }
    return bytes;
  }

  /** One column's values. */
  private abstract static class Column {
    final BitSet nulls = new BitSet();
    int count;

    void add(Object value) {
      if (value == null) {
        nulls.set(count);
      }
      put(count, value);
      count++;
    }

    Object get(int index) {
      return nulls.get(index) ? null : value(index);
    }

    abstract void put(int index, Object value);

    abstract Object value(int index);

    abstract long bytes();

    static int grown(int length, int needed) {
      return needed < length ? length : Math.max(16, Math.max(needed + 1, length + (length >> 1)));
    }
  }

  /** Whole numbers, dates (days), times and timestamps (milliseconds), boxed back as the type asks. */
  private static final class LongColumn extends Column {
    private final SqlTypeName type;
    private long[] values = new long[16];

    LongColumn(SqlTypeName type) {
      this.type = type;
    }

    @Override
    void put(int index, Object value) {
      values = index < values.length ? values : Arrays.copyOf(values, grown(values.length, index));
      values[index] = value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    Object value(int index) {
      long value = values[index];
      return switch (type) {
        case TINYINT -> (byte) value;
        case SMALLINT -> (short) value;
        case INTEGER, DATE, TIME -> (int) value;
        default -> value;
      };
    }

    @Override
    long bytes() {
      return 8L * values.length + nulls.size() / 8;
    }
  }

  /** Text as codes into a dictionary: repeated values (countries, statuses, names) are kept once. */
  private static final class TextColumn extends Column {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> dictionary = new ArrayList<>();
    private int[] values = new int[16];
    private long textBytes;

    @Override
    void put(int index, Object value) {
      values = index < values.length ? values : Arrays.copyOf(values, grown(values.length, index));
      if (value == null) {
        return;
      }
      String text = value.toString();
      values[index] = codes.computeIfAbsent(text, t -> {
        dictionary.add(t);
        textBytes += OBJECT_BYTES + 2L * t.length() + 48; // the string, its map entry and boxed code
        return dictionary.size() - 1;
      });
    }

    @Override
    Object value(int index) {
      return dictionary.get(values[index]);
    }

    @Override
    long bytes() {
      return 4L * values.length + textBytes + nulls.size() / 8;
    }
  }

  /** Decimals, booleans, floating point and anything else, as the engine's objects. */
  private static final class ObjectColumn extends Column {
    private Object[] values = new Object[16];
    private long valueBytes;

    @Override
    void put(int index, Object value) {
      values = index < values.length ? values : Arrays.copyOf(values, grown(values.length, index));
      values[index] = value;
      valueBytes += value == null ? 0 : OBJECT_BYTES + 16;
    }

    @Override
    Object value(int index) {
      return values[index];
    }

    @Override
    long bytes() {
      return 8L * values.length + valueBytes + nulls.size() / 8;
    }
  }
}
