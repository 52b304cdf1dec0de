package io.tributary.gateway.engine;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tributary.adapter.spi.StatusTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * {@code tributary.table_usage}: which tables are queried together, learnt from the gateway's own
 * statements, to help people find related data. Every statement a session plans, through either
 * door, counts once for each domain table it reads (a row whose {@code table_b} is null) and once
 * for each pair of them (names in alphabetical order). Tables are named as the statement named
 * them: {@code crm.customers_v1} and {@code crm.customers} count apart.
 *
 * <p>A statement counts when planned: a prepared statement executed many times counts once.
 * Memory is bounded: beyond {@value #MAX_ENTRIES} tables and pairs, the least used are forgotten.
 */
final class TableUsage {
  static final String TABLE = "table_usage";
  private static final long MAX_ENTRIES = 10_000;
  private static final List<StatusTable.Column> COLUMNS = List.of(new StatusTable.Column("table_a", VARCHAR),
      new StatusTable.Column("table_b", VARCHAR), new StatusTable.Column("queries_together", BIGINT),
      new StatusTable.Column("last_used", TIMESTAMP));

  private final Set<String> domains;
  private final Cache<Pair, Use> uses = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

  /** @param domains the schemas whose tables count; system tables do not */
  TableUsage(Set<String> domains) {
    this.domains = Set.copyOf(domains);
  }

  /** Counts one statement, given the plans Calcite made of it. */
  void record(Collection<RelNode> plans) {
    Set<String> read = new TreeSet<>();
    for (RelNode plan : plans) {
      for (RelOptTable table : RelOptUtil.findTables(plan)) {
        List<String> name = table.getQualifiedName();
        if (name.size() == 2 && domains.contains(name.get(0))) {
          read.add(name.get(0) + "." + name.get(1));
        }
      }
    }
    long now = System.currentTimeMillis();
    List<String> tables = new ArrayList<>(read);
    for (int i = 0; i < tables.size(); i++) {
      use(new Pair(tables.get(i), null), now);
      for (int j = i + 1; j < tables.size(); j++) {
        use(new Pair(tables.get(i), tables.get(j)), now);
      }
    }
  }

  /** The domains whose tables {@code plans} read. */
  static Set<String> domainsRead(Collection<RelNode> plans, Set<String> domains) {
    Set<String> read = new TreeSet<>();
    for (RelNode plan : plans) {
      for (RelOptTable table : RelOptUtil.findTables(plan)) {
        List<String> name = table.getQualifiedName();
        if (!name.isEmpty() && domains.contains(name.get(0))) {
          read.add(name.get(0));
        }
      }
    }
    return read;
  }

  StatusTable table() {
    return new StatusTable(TABLE, COLUMNS, () -> uses.asMap().entrySet().stream()
        .map(e -> new Object[] {e.getKey().a(), e.getKey().b(), e.getValue().count.get(), e.getValue().last})
        .toList());
  }

  private void use(Pair pair, long now) {
    Use use = uses.get(pair, p -> new Use());
    use.count.incrementAndGet();
    use.last = now;
  }

  /** Two tables read by one statement, or one table ({@code b} null). */
  private record Pair(String a, String b) {}

  /** How often, and when last. */
  private static final class Use {
    final AtomicLong count = new AtomicLong();
    volatile long last;
  }
}
