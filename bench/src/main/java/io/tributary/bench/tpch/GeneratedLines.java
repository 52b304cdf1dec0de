package io.tributary.bench.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * A TPC-H table as it is generated, one {@code |}-separated line per row, read as a stream so that
 * {@code COPY} and {@code LOAD DATA} take it without a file and without holding the table in memory.
 * The data holds neither {@code |} nor backslashes, so no escaping is needed.
 */
final class GeneratedLines extends InputStream {
  private final Iterator<? extends TpchEntity> rows;
  private byte[] line = new byte[0];
  private int position;
  private long count;

  GeneratedLines(TpchTable<?> table, double scale) {
    this.rows = table.createGenerator(scale, 1, 1).iterator();
  }

  /** Rows handed out so far. */
  long rows() {
    return count;
  }

  @Override
  public int read() {
    return nextLine() ? line[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    int filled = 0;
    while (filled < length && nextLine()) {
      int n = Math.min(length - filled, line.length - position);
      System.arraycopy(line, position, buffer, offset + filled, n);
      position += n;
      filled += n;
    }
    return filled == 0 && length > 0 ? -1 : filled;
  }

  /** Whether bytes are left, generating the next row once the current one is used up. */
  private boolean nextLine() {
    if (position < line.length) {
      return true;
    }
    if (!rows.hasNext()) {
      return false;
    }
    String text = rows.next().toLine();
    // toLine() ends every row with the separator; COPY would read it as one more, empty column.
    line = (text.substring(0, text.length() - 1) + "\n").getBytes(StandardCharsets.UTF_8);
    position = 0;
    count++;
    return true;
  }
}
