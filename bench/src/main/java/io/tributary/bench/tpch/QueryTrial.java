package io.tributary.bench.tpch;

import io.tributary.bench.tpch.QueryOutcome.Verdict;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures one query: its planning time through the gateway, the warm-ups, then the timed
 * executions, PostgreSQL and the gateway alternating so that machine noise hits both alike; the rows
 * each store read per execution; and compares the first answers.
 */
final class QueryTrial {
  private final BenchSettings settings;
  private final Door reference;
  private final Door gateway;
  private final StoreReads reads;

  /**
   * @param reads where rows read are counted, or null when the run does not profile
   */
  QueryTrial(BenchSettings settings, Door reference, Door gateway, StoreReads reads) {
    this.settings = settings;
    this.reference = reference;
    this.gateway = gateway;
    this.reads = reads;
  }

  QueryOutcome measure(TpchQuery query) throws SQLException {
    Side onReference = new Side(reference, query.referenceSql(), settings.repetitions());
    Side onGateway = new Side(gateway, query.gatewaySql(), settings.repetitions());
    Map<String, Long> before = reads == null ? null : reads.snapshot();
    double planningMillis = plan(query, onGateway);
    for (int round = 0; round < settings.warmUps() + settings.repetitions(); round++) {
      boolean timed = round >= settings.warmUps();
      onReference.run(timed);
      onGateway.run(timed);
    }
    Map<String, Long> rowsRead = reads == null ? Map.of() : perExecution(reads.since(before), onReference, onGateway);
    return outcome(query, onReference, onGateway, planningMillis, rowsRead);
  }

  /** {@code EXPLAIN PLAN FOR} through the gateway: parsing, validation and optimisation, no execution. */
  private double plan(TpchQuery query, Side onGateway) {
    if (!settings.profile()) {
      return Double.NaN;
    }
    Execution explain = gateway.execute("EXPLAIN PLAN FOR " + query.gatewaySql());
    if (explain.kind() == Execution.Kind.TIMED_OUT) {
      // Executing plans the query the same way again: it would only time out a second time.
      onGateway.giveUp(Execution.timedOut("planning (EXPLAIN PLAN FOR): " + explain.message()));
    }
    return explain.isAnswered() ? explain.millis() : Double.NaN;
  }

  /** Every execution of a query reads alike; a failed one is counted as one too. */
  private static Map<String, Long> perExecution(Map<String, Long> read, Side onReference, Side onGateway) {
    Map<String, Long> perExecution = new LinkedHashMap<>();
    read.forEach((store, rows) -> {
      int executions = store.equals(TpchStore.REFERENCE) ? onReference.executions() : onGateway.executions();
      if (executions > 0) {
        perExecution.put(store, rows / executions);
      }
    });
    return perExecution;
  }

  private static QueryOutcome outcome(TpchQuery query, Side onReference, Side onGateway, double planningMillis,
      Map<String, Long> rowsRead) {
    Execution expected = onReference.first();
    Execution actual = onGateway.first();
    Verdict verdict;
    String detail;
    if (!expected.isAnswered()) {
      verdict = Verdict.REFERENCE_FAILED;
      detail = expected.message();
    } else if (!actual.isAnswered()) {
      verdict = actual.kind() == Execution.Kind.TIMED_OUT ? Verdict.TIMEOUT : Verdict.ERROR;
      detail = actual.message();
    } else {
      Optional<String> difference = Answers.firstDifference(actual.result(), expected.result(), query.orderBy());
      verdict = difference.isPresent() ? Verdict.WRONG : Verdict.OK;
      detail = difference.orElse("");
    }
    return new QueryOutcome(query.name(), verdict, detail, onReference.medianMillis(), onGateway.medianMillis(),
        planningMillis, rowsRead);
  }
}
