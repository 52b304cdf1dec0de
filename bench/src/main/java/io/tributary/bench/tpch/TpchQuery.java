package io.tributary.bench.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One of the 22 TPC-H queries, in the specification's text with its validation parameters, as an
 * analyst writes it for PostgreSQL: tables as {@code <domain>.<table>} through the gateway, plain
 * names on the reference.
 *
 * @param orderBy the output columns the query orders by (empty: any row order is right)
 */
record TpchQuery(int number, String gatewaySql, String referenceSql, List<String> orderBy) {
  private static final int COUNT = 22;
  private static final Pattern DOMAIN_PREFIX = Pattern.compile("\\b(?:sales|customers|supply)\\.(?=\\w)");
  // Greedy `.*` finds the last ORDER BY, the outer query's; every TPC-H query orders by plain output names.
  private static final Pattern ORDER_BY =
      Pattern.compile("(?is).*\\border\\s+by\\s+(.*?)(?:\\s+limit\\s+\\d+)?\\s*");
  private static final Pattern DIRECTION = Pattern.compile("(?i)\\s+(?:asc|desc)$");
  private static final BigDecimal FRACTION_AT_SF1 = new BigDecimal("0.0001");

  /** All 22, Q11's {@code FRACTION} set to 0.0001 / SF as the specification scales it. */
  static List<TpchQuery> all(BigDecimal scale) {
    String fraction = FRACTION_AT_SF1.divide(scale, MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    return IntStream.rangeClosed(1, COUNT)
        .mapToObj(number -> of(number, text(number).replace("${fraction}", fraction)))
        .toList();
  }

  private static TpchQuery of(int number, String gatewaySql) {
    Matcher order = ORDER_BY.matcher(gatewaySql);
    List<String> orderBy = order.matches()
        ? Arrays.stream(order.group(1).split(",")).map(item -> DIRECTION.matcher(item.trim()).replaceAll("")).toList()
        : List.of();
    return new TpchQuery(number, gatewaySql, DOMAIN_PREFIX.matcher(gatewaySql).replaceAll(""), orderBy);
  }

  private static String text(int number) {
    String resource = String.format("q%02d.sql", number);
    try (InputStream in = TpchQuery.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("TPC-H query " + resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read TPC-H query " + resource, e);
    }
  }

  String name() {
    return "Q" + number;
  }
}
