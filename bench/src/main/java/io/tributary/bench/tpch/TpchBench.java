package io.tributary.bench.tpch;

import java.util.ArrayList;
import java.util.List;

/**
 * TPC-H through the gateway against one PostgreSQL database holding everything: generates the data
 * at the chosen scale, loads it into the reference and into the split (once per scale), starts a
 * gateway over the split, runs the 22 queries on both sides and writes the comparison.
 *
 * <p>Run: {@code mvn -B -q -pl bench -am -DskipTests package exec:exec@tpch -Dtpch.scale=0.1}
 * (settings: {@link BenchSettings#fromSystemProperties()}).
 */
public final class TpchBench {
  private static final int PLANNER_WARM_UPS = 5;

  private TpchBench() {}

  public static void main(String[] args) throws Exception {
    run(BenchSettings.fromSystemProperties());
  }

  /** One whole run; the report is written and printed before this returns. */
  public static List<QueryOutcome> run(BenchSettings settings) throws Exception {
    TpchStore reference = TpchStore.reference(settings.scaleName());
    List<TpchStore> split = TpchStore.split(settings.scaleName());
    TpchLoader loader = new TpchLoader(settings.scale().doubleValue());
    loader.ensureLoaded(reference);
    for (TpchStore store : split) {
      loader.ensureLoaded(store);
    }
    List<TpchStore> all = new ArrayList<>(split);
    all.add(0, reference);
    try (TpchGateway gateway = TpchGateway.start(split, settings.gatewayHeap());
         Door referenceDoor = new Door(reference::connect, settings.timeout());
         Door gatewayDoor = new Door(gateway, settings.timeout());
         StoreReads reads = settings.profile() ? StoreReads.open(all) : null) {
      if (settings.profile()) {
        warmUpPlanner(gatewayDoor);
      }
      QueryTrial trial = new QueryTrial(settings, referenceDoor, gatewayDoor, reads);
      List<QueryOutcome> outcomes = new ArrayList<>();
      for (TpchQuery query : TpchQuery.all(settings.scale())) {
        QueryOutcome outcome = trial.measure(query);
        System.out.println(Report.progress(outcome));
        outcomes.add(outcome);
      }
      System.out.println(new Report(settings, outcomes).write());
      return outcomes;
    }
  }

  /** So that the first query's planning time is not mostly the JIT compiling the planner. */
  private static void warmUpPlanner(Door gateway) {
    for (int i = 0; i < PLANNER_WARM_UPS; i++) {
      gateway.execute("EXPLAIN PLAN FOR SELECT c_mktsegment, count(*) FROM sales.orders"
          + " JOIN customers.customer ON o_custkey = c_custkey WHERE o_orderdate >= DATE '1995-01-01'"
          + " GROUP BY c_mktsegment");
    }
  }
}
