package io.tributary.bench.tpch;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.bench.tpch.QueryOutcome.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The TPC-H runner at SF 0.01 as a correctness test, part of {@code mvn verify}: each query once
 * through the gateway and once on PostgreSQL, compared value by value; no timing. Tagged
 * {@code tpch} so {@code -Dbench.excludedGroups=tpch} can leave it out of a quick run.
 */
@Tag("tpch")
class TpchCorrectnessTest {

  @Test
  void everyTpchQueryThroughTheGatewayEqualsPostgresqlAlone() throws Exception {
    BenchSettings once = new BenchSettings(new BigDecimal("0.01"), 1, 0, Duration.ofSeconds(60), false, "2g",
        Path.of("target"));
    List<QueryOutcome> outcomes = TpchBench.run(once);
    assertEquals(22, outcomes.size());
    assertAll(outcomes.stream().map(outcome -> () -> assertEquals(Verdict.OK, outcome.verdict(),
        outcome.query() + ": " + outcome.detail())));
  }
}
