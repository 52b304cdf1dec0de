package io.tributary.gateway.planner;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.MultiJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The factors of a {@link MultiJoin} and its join conditions by the factors they relate, with the
 * field arithmetic to join some factors ahead and to rebuild the multi-join around them.
 */
final class MultiJoinFactors {
  private final MultiJoin join;
  private final int[] starts;
  private final List<RexNode> conditions;
  private final List<ImmutableBitSet> conditionFactors = new ArrayList<>();
  /** Per field, the smallest field it is equal to through inner-join equalities (its class). */
  private final int[] equalTo;
  /** Which conditions are such equalities, implied inside a group by {@link #equalities}. */
  private final boolean[] classEquality;

  MultiJoinFactors(MultiJoin join) {
    this.join = join;
    this.starts = new int[join.getInputs().size() + 1];
    for (int i = 0; i < join.getInputs().size(); i++) {
      starts[i + 1] = starts[i] + join.getInputs().get(i).getRowType().getFieldCount();
    }
    this.conditions = RelOptUtil.conjunctions(join.getJoinFilter());
    this.equalTo = new int[starts[count()]];
    for (int field = 0; field < equalTo.length; field++) {
      equalTo[field] = field;
    }
    this.classEquality = new boolean[conditions.size()];
    for (int c = 0; c < conditions.size(); c++) {
      conditionFactors.add(factorsOf(conditions.get(c)));
      int[] fields = equatedFields(conditions.get(c));
      if (fields != null) {
        classEquality[c] = true;
        union(fields[0], fields[1]);
      }
    }
  }

  int count() {
    return join.getInputs().size();
  }

  RelNode input(int factor) {
    return join.getInputs().get(factor);
  }

  /** Whether the factor is inner-joined, so it can join others in any order. */
  boolean innerJoined(int factor) {
    return join.getJoinTypes().get(factor) == JoinRelType.INNER && join.getOuterJoinConditions().get(factor) == null;
  }

  /**
   * Whether a join condition relates {@code factor} to the group and no factor outside it, or the
   * factor shares a column equal through other tables' columns ({@code p_partkey = l_partkey AND
   * ps_partkey = l_partkey} relate part and partsupp).
   */
  boolean joined(List<Integer> group, int factor) {
    ImmutableBitSet within = ImmutableBitSet.of(group).set(factor);
    for (int c = 0; c < conditions.size(); c++) {
      ImmutableBitSet factors = conditionFactors.get(c);
      if (!classEquality[c] && factors.get(factor) && factors.cardinality() > 1 && within.contains(factors)) {
        return true;
      }
    }
    return !equalities(ImmutableBitSet.of(group), factor).isEmpty();
  }

  /**
   * The factors joined in the given order, each join on one equality per class of equal columns
   * it links and on the other conditions its inputs complete.
   */
  RelNode join(List<Integer> order) {
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(join.getCluster(), null);
    builder.push(input(order.get(0)));
    List<Integer> joined = new ArrayList<>(List.of(order.get(0)));
    boolean[] applied = new boolean[conditions.size()];
    for (int factor : order.subList(1, order.size())) {
      List<int[]> equalities = equalities(ImmutableBitSet.of(joined), factor);
      builder.push(input(factor));
      joined.add(factor);
      ImmutableBitSet within = ImmutableBitSet.of(joined);
      int[] target = layout(joined);
      List<RexNode> on = new ArrayList<>();
      for (int[] pair : equalities) {
        on.add(join.getCluster().getRexBuilder().makeCall(SqlStdOperatorTable.EQUALS,
            remap(fieldRef(pair[0]), target), remap(fieldRef(pair[1]), target)));
      }
      for (int c = 0; c < conditions.size(); c++) {
        if (!applied[c] && !classEquality[c] && within.contains(conditionFactors.get(c))) {
          applied[c] = true;
          on.add(remap(conditions.get(c), target));
        }
      }
      builder.join(JoinRelType.INNER, on);
    }
    return builder.build();
  }

  /** For each class of equal columns linking {@code factor} to {@code joined}: a column of each. */
  private List<int[]> equalities(ImmutableBitSet joined, int factor) {
    List<int[]> pairs = new ArrayList<>();
    boolean[] linked = new boolean[equalTo.length];
    for (int field = starts[factor]; field < starts[factor + 1]; field++) {
      int representative = find(field);
      for (int other = 0; other < equalTo.length && !linked[representative]; other++) {
        if (find(other) == representative && joined.get(factorOf(other))) {
          linked[representative] = true;
          pairs.add(new int[] {other, field});
        }
      }
    }
    return pairs;
  }

  /** The two fields of {@code $a = $b} between two inner-joined factors, or null. */
  private int @Nullable [] equatedFields(RexNode condition) {
    if (!condition.isA(SqlKind.EQUALS)) {
      return null;
    }
    List<RexNode> operands = ((RexCall) condition).getOperands();
    if (!(operands.get(0) instanceof RexInputRef a) || !(operands.get(1) instanceof RexInputRef b)) {
      return null;
    }
    int fa = factorOf(a.getIndex());
    int fb = factorOf(b.getIndex());
    return fa != fb && innerJoined(fa) && innerJoined(fb) ? new int[] {a.getIndex(), b.getIndex()} : null;
  }

  private int find(int field) {
    while (equalTo[field] != field) {
      field = equalTo[field];
    }
    return field;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    equalTo[Math.max(ra, rb)] = Math.min(ra, rb);
  }

  /**
   * This multi-join with each group joined ahead as one factor, under a projection that keeps the
   * original field order; a single group is returned as it is, without a multi-join.
   */
  RelNode regroup(List<List<Integer>> groups) {
    List<List<Integer>> units = new ArrayList<>(groups);
    boolean[] grouped = new boolean[count()];
    groups.forEach(group -> group.forEach(i -> grouped[i] = true));
    for (int i = 0; i < count(); i++) {
      if (!grouped[i]) {
        units.add(List.of(i));
      }
    }
    units.sort(Comparator.comparingInt(unit -> unit.stream().mapToInt(Integer::intValue).min().orElseThrow()));
    List<Integer> order = units.stream().flatMap(List::stream).toList();
    int[] target = layout(order);
    RexBuilder rex = join.getCluster().getRexBuilder();
    List<RelNode> inputs = new ArrayList<>();
    List<@Nullable RexNode> outerConditions = new ArrayList<>();
    List<JoinRelType> joinTypes = new ArrayList<>();
    List<@Nullable ImmutableBitSet> projected = new ArrayList<>();
    for (List<Integer> unit : units) {
      int first = unit.get(0);
      boolean single = unit.size() == 1;
      inputs.add(single ? input(first) : join(unit));
      RexNode outer = single ? join.getOuterJoinConditions().get(first) : null;
      outerConditions.add(outer == null ? null : remap(outer, target));
      joinTypes.add(single ? join.getJoinTypes().get(first) : JoinRelType.INNER);
      projected.add(single ? join.getProjFields().get(first) : null);
    }
    List<ImmutableBitSet> groupSets = groups.stream().map(ImmutableBitSet::of).toList();
    List<RexNode> remaining = new ArrayList<>();
    for (int c = 0; c < conditions.size(); c++) {
      ImmutableBitSet factors = conditionFactors.get(c);
      if (groupSets.stream().noneMatch(group -> group.contains(factors))) {
        remaining.add(remap(conditions.get(c), target));
      }
    }
    RexNode post = join.getPostJoinFilter() == null ? null : remap(join.getPostJoinFilter(), target);
    RelBuilder builder = RelFactories.LOGICAL_BUILDER.create(join.getCluster(), null);
    if (inputs.size() == 1) {
      builder.push(inputs.get(0)).filter(remaining);
      if (post != null) {
        builder.filter(post);
      }
    } else {
      RexNode filter = RexUtil.composeConjunction(rex, remaining);
      builder.push(new MultiJoin(join.getCluster(), inputs, filter, rowType(order), false, outerConditions, joinTypes,
          projected, referenceCounts(inputs, filter, outerConditions), post));
    }
    List<RexNode> original = new ArrayList<>();
    for (int field = 0; field < target.length; field++) {
      original.add(builder.field(target[field]));
    }
    return builder.project(original, join.getRowType().getFieldNames()).build();
  }

  private ImmutableBitSet factorsOf(RexNode condition) {
    ImmutableBitSet.Builder factors = ImmutableBitSet.builder();
    for (int field : RelOptUtil.InputFinder.bits(condition)) {
      factors.set(factorOf(field));
    }
    return factors.build();
  }

  private int factorOf(int field) {
    int factor = 0;
    while (starts[factor + 1] <= field) {
      factor++;
    }
    return factor;
  }

  /** Where each field of this multi-join lands when the given factors are laid out in order. */
  private int[] layout(List<Integer> order) {
    int[] target = new int[starts[count()]];
    int position = 0;
    for (int factor : order) {
      for (int field = starts[factor]; field < starts[factor + 1]; field++) {
        target[field] = position++;
      }
    }
    return target;
  }

  private RelDataType rowType(List<Integer> order) {
    List<RelDataType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> fields = join.getRowType().getFieldList();
    for (int factor : order) {
      for (int field = starts[factor]; field < starts[factor + 1]; field++) {
        types.add(fields.get(field).getType());
        names.add(fields.get(field).getName());
      }
    }
    return join.getCluster().getTypeFactory().createStructType(types, names);
  }

  /** How often the join conditions read each field of each input, as {@link MultiJoin} keeps it. */
  private static ImmutableMap<Integer, ImmutableIntList> referenceCounts(List<RelNode> inputs, RexNode filter,
      List<@Nullable RexNode> outerConditions) {
    int[] starts = new int[inputs.size() + 1];
    for (int i = 0; i < inputs.size(); i++) {
      starts[i + 1] = starts[i] + inputs.get(i).getRowType().getFieldCount();
    }
    int[] counts = new int[starts[inputs.size()]];
    List<RexNode> all = new ArrayList<>(List.of(filter));
    outerConditions.forEach(c -> {
      if (c != null) {
        all.add(c);
      }
    });
    RexShuttle counter = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        counts[ref.getIndex()]++;
        return ref;
      }
    };
    all.forEach(c -> c.accept(counter));
    ImmutableMap.Builder<Integer, ImmutableIntList> map = ImmutableMap.builder();
    for (int i = 0; i < inputs.size(); i++) {
      int[] factor = new int[starts[i + 1] - starts[i]];
      System.arraycopy(counts, starts[i], factor, 0, factor.length);
      map.put(i, ImmutableIntList.of(factor));
    }
    return map.build();
  }

  private RexNode fieldRef(int field) {
    return new RexInputRef(field, join.getRowType().getFieldList().get(field).getType());
  }

  private static RexNode remap(RexNode condition, int[] target) {
    return condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(target[ref.getIndex()], ref.getType());
      }
    });
  }
}
