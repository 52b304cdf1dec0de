package io.tributary.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TpchQueryTest {
  private final List<TpchQuery> queries = TpchQuery.all(new BigDecimal("0.1"));

  @Test
  void allTwentyTwoQueriesAreThere() {
    assertEquals(22, queries.size());
    assertEquals("Q22", queries.get(21).name());
  }

  @Test
  void theOuterOrderByColumnsAreFoundWithoutTheirDirectionOrLimit() {
    assertEquals(List.of("s_acctbal", "n_name", "s_name", "p_partkey"), queries.get(1).orderBy());
    assertEquals(List.of("custdist", "c_count"), queries.get(12).orderBy());
    assertEquals(List.of("revenue", "o_orderdate"), queries.get(2).orderBy());
    assertEquals(List.of(), queries.get(5).orderBy());
  }

  @Test
  void theReferenceAddressesTablesByTheirPlainNames() {
    TpchQuery q5 = queries.get(4);
    assertTrue(q5.gatewaySql().contains("customers.customer,"));
    assertTrue(q5.referenceSql().contains("\n  customer,\n"));
    assertFalse(q5.referenceSql().matches("(?s).*\\b(sales|customers|supply)\\..*"));
  }

  @Test
  void q11ScalesItsFractionWithTheScaleFactor() {
    assertTrue(queries.get(10).gatewaySql().contains("* 0.001\n"));
    assertTrue(TpchQuery.all(BigDecimal.ONE).get(10).gatewaySql().contains("* 0.0001\n"));
  }
}
