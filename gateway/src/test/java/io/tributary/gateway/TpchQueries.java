package io.tributary.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import java.util.List;

/** The 22 TPC-H queries in their PostgreSQL flavour, tables named {@code <domain>.<table>}. */
final class TpchQueries {
  static final List<Integer> ALL = IntStream.rangeClosed(1, 22).boxed().toList();

  private TpchQueries() {}

  /** The text of query {@code number} (1 to 22). */
  static String text(int number) {
    String resource = String.format("/tpch/q%02d.sql", number);
    try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no TPC-H query " + number + " at " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
