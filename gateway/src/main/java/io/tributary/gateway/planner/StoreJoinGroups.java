package io.tributary.gateway.planner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.MultiJoin;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Groups the tables of one store inside each multi-join, so that the store runs their join as one
 * query and the gateway joins only what crosses stores. The heuristic join orderer sees each
 * group as one input; without the grouping it orders tables by size alone and often puts a table
 * of another store between two of the same store, and the store's join is lost.
 *
 * <p>A group grows from the largest table of a store by tables of the same store it has a join
 * condition with, as long as the estimated join is not larger than {@value #MAX_JOIN_TO_TABLES_RATIO}
 * times the rows of its two sides: the rule Trino applies to push joins into JDBC stores (its
 * {@code join-pushdown.automatic.max-join-to-tables-ratio}). A join that multiplies rows is
 * better left to the gateway, after other joins have filtered its inputs.
 */
final class StoreJoinGroups extends RelHomogeneousShuttle {
  static final double MAX_JOIN_TO_TABLES_RATIO = 1.25;

  private StoreJoinGroups() {}

  static RelNode group(RelNode rel) {
    return rel.accept(new StoreJoinGroups());
  }

  @Override
  public RelNode visit(RelNode other) {
    RelNode rel = super.visit(other);
    if (!(rel instanceof MultiJoin join) || join.isFullOuterJoin()) {
      return rel;
    }
    MultiJoinFactors factors = new MultiJoinFactors(join);
    List<List<Integer>> groups = groups(factors, join.getCluster().getMetadataQuery());
    return groups.isEmpty() ? join : factors.regroup(groups);
  }

  private static List<List<Integer>> groups(MultiJoinFactors factors, RelMetadataQuery mq) {
    int count = factors.count();
    Convention[] sites = new Convention[count];
    for (int i = 0; i < count; i++) {
      sites[i] = factors.innerJoined(i) ? site(factors.input(i)) : null;
    }
    List<Integer> bySize = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bySize.add(i);
    }
    bySize.sort(Comparator.comparingDouble((Integer i) -> rows(mq, factors.input(i))).reversed());
    boolean[] grouped = new boolean[count];
    List<List<Integer>> groups = new ArrayList<>();
    for (int seed : bySize) {
      if (sites[seed] == null || grouped[seed]) {
        continue;
      }
      List<Integer> group = grow(factors, mq, sites, grouped, seed);
      if (group.size() > 1) {
        group.forEach(i -> grouped[i] = true);
        groups.add(group);
      }
    }
    return groups;
  }

  private static List<Integer> grow(MultiJoinFactors factors, RelMetadataQuery mq, Convention[] sites,
      boolean[] grouped, int seed) {
    List<Integer> group = new ArrayList<>(List.of(seed));
    double groupRows = rows(mq, factors.input(seed));
    boolean grown = true;
    while (grown) {
      grown = false;
      for (int candidate = 0; candidate < factors.count() && !grown; candidate++) {
        if (sites[candidate] != sites[seed] || grouped[candidate] || group.contains(candidate)
            || !factors.joined(group, candidate)) {
          continue;
        }
        List<Integer> trial = new ArrayList<>(group);
        trial.add(candidate);
        double joinedRows = rows(mq, factors.join(trial));
        if (joinedRows <= MAX_JOIN_TO_TABLES_RATIO * (groupRows + rows(mq, factors.input(candidate)))) {
          group = trial;
          groupRows = joinedRows;
          grown = true;
        }
      }
    }
    return group;
  }

  /**
   * The store a factor runs in: the calling convention of all its table scans when that is one
   * convention and not the gateway's own, or null.
   */
  static @Nullable Convention site(RelNode rel) {
    RelNode node = rel.stripped();
    if (node instanceof TableScan) {
      Convention convention = node.getConvention();
      return convention == null || convention == Convention.NONE || convention == EnumerableConvention.INSTANCE
          ? null : convention;
    }
    Convention site = null;
    for (RelNode input : node.getInputs()) {
      Convention inputSite = site(input);
      if (inputSite == null || site != null && site != inputSite) {
        return null;
      }
      site = inputSite;
    }
    return site;
  }

  private static double rows(RelMetadataQuery mq, RelNode rel) {
    Double rows = mq.getRowCount(rel);
    return rows == null ? Double.MAX_VALUE : rows;
  }
}
