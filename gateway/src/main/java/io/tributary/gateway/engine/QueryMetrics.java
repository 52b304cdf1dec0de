package io.tributary.gateway.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an operator's dashboard shows of the queries: how many ended by door and outcome, how long
 * they took and how much of it was planning, the rows they returned, the statements they sent to
 * each domain's store, and how many sessions and queries are open now. Recorded once per query, as
 * it ends, so a query costs a few counter increments.
 */
final class QueryMetrics {
  private static final Duration SHORTEST = Duration.ofMillis(1);
  private static final Duration LONGEST = Duration.ofMinutes(30);

  private final MeterRegistry registry;

  QueryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Shows how many sessions and queries are open whenever the metrics are read. */
  void gauges(Supplier<Number> sessions, Supplier<Number> running) {
    Gauge.builder("tributary.sessions", sessions).description("Sessions open, over every door").register(registry);
    Gauge.builder("tributary.queries.running", running).description("Queries planning or running now")
        .register(registry);
  }

  void ended(QueryRun run) {
    String door = run.caller().door().label();
    String outcome = run.state().name().toLowerCase(Locale.ROOT);
    Counter.builder("tributary.queries").description("Queries ended, by door and outcome")
        .tags("door", door, "outcome", outcome).register(registry).increment();
    histogram("tributary.query.duration", "Time from the statement's arrival to its end", door, outcome)
        .record(run.elapsed());
    histogram("tributary.query.planning", "Time spent parsing and planning", door, outcome).record(run.planning());
    Counter.builder("tributary.query.rows").description("Rows returned to clients").tags("door", door)
        .register(registry).increment(run.rowsReturned());
    for (Map.Entry<String, Integer> sent : run.statementsSent().entrySet()) {
      Counter.builder("tributary.store.statements").description("Statements sent to a domain's store")
          .tags("domain", sent.getKey()).register(registry).increment(sent.getValue());
    }
  }

  private Timer histogram(String name, String description, String door, String outcome) {
    return Timer.builder(name).description(description).tags("door", door, "outcome", outcome)
        .publishPercentileHistogram().minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST).register(registry);
  }
}
