package io.tributary.gateway.materialize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangeFeed;
import io.tributary.adapter.spi.ChangeListener;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.ChangeSubscription;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.adapter.spi.StatusTable;
import io.tributary.gateway.config.MaterializationConfig;
import io.tributary.gateway.engine.CachedResults;
import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.QueryException;
import io.tributary.gateway.planner.Substitutes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's cached joins: each declared materialization built by running its query federated,
 * held in memory ({@link ColumnarRows}) within {@code limits.maxCachedMemory} (a Caffeine cache
 * weighed in bytes), served as {@code materialized.<name>}, offered to the planning of every
 * statement that may use it, and kept in sync by following its sources' change feeds: a change
 * committed in a store it reads starts a new build. Builds run one at a time on one thread.
 */
public final class Materializations implements CachedResults, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Materializations.class);
  /** Changes arriving within this time of each other are taken by one build. */
  private static final Duration GATHER = Duration.ofMillis(20);
  /** How long a failed build waits before it is tried again. */
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final int BUDGET_CHECK_ROWS = 1024;

  private final Engine engine;
  private final Map<String, Materialization> byName = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> storeNames;
  private final long maxBytes;
  private final Cache<String, MaterializedTable> memory;
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final List<ChangeSubscription> subscriptions = new ArrayList<>(); // guarded by itself
  private final ScheduledExecutorService builder = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "tributary-materializations");
    t.setDaemon(true);
    return t;
  });
  private volatile boolean closed;

  /**
   * @param storeNames per domain, the store's name of each table the configuration publishes
   *     under another name; the change feeds follow store tables
   * @param maxBytes what all builds may hold together
   */
  private Materializations(Engine engine, List<MaterializationConfig> configs, Map<String, Map<String, String>> storeNames,
      long maxBytes) {
    this.engine = engine;
    this.storeNames = Map.copyOf(storeNames);
    this.maxBytes = maxBytes;
    configs.forEach(c -> byName.put(c.name(), new Materialization(c)));
    this.memory = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((String name, MaterializedTable table) -> (int) Math.min(Integer.MAX_VALUE, table.bytes()))
        .executor(Runnable::run)
        .removalListener((String name, MaterializedTable table, RemovalCause cause) -> {
          if (cause.wasEvicted() && name != null) {
            Materialization m = byName.get(name);
            String why = "dropped to keep the cached results within limits.maxCachedMemory ("
                + mb(maxBytes) + "); rebuilt at its next change";
            LOG.warn("materialization `{}` {}", name, why);
            m.dropped(why);
          }
        })
        .build();
  }

  /** Serves the materializations through {@code engine} and starts building them, one after the other. */
  public static Materializations start(Engine engine, List<MaterializationConfig> configs,
      Map<String, Map<String, String>> storeNames, long maxBytes) {
    Materializations materializations = new Materializations(engine, configs, storeNames, maxBytes);
    engine.cacheWith(materializations);
    materializations.byName.values().forEach(m -> materializations.rebuild(m, Duration.ZERO));
    if (!configs.isEmpty()) {
      LOG.info("building {} materializations: {}", configs.size(), materializations.byName.keySet());
    }
    return materializations;
  }

  @Override
  public Optional<Schema> schema() {
    if (byName.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new TreeMap<>();
        byName.values().forEach(m -> {
          if (m.served().isPresent()) {
            m.view().ifPresent(view -> tables.put(m.name(), view));
          }
        });
        return tables;
      }
    });
  }

  @Override
  public Substitutes substitutes(Optional<Duration> maxStaleness) {
    Instant now = Instant.now();
    List<Materialization> usable = byName.values().stream().filter(m -> m.usable(now, maxStaleness)).toList();
    if (usable.isEmpty()) {
      return Substitutes.NONE;
    }
    String key = usable.stream().map(m -> m.name() + "@" + m.served().map(Materialization.Build::number).orElse(0L))
        .collect(Collectors.joining(","));
    return new Substitutes() {
      @Override
      public List<RelOptMaterialization> forQuery(RelNode query) {
        return offered(usable, query);
      }

      @Override
      public String key() {
        return key;
      }
    };
  }

  /**
   * The materializations whose tables the query reads, as plans in its cluster. None for a query
   * with a {@code DISTINCT} aggregate: Calcite rewrote {@code count(DISTINCT x) … WHERE x <> …
   * GROUP BY x} from a cached aggregate without the filter (found by the randomized comparison in
   * CachedJoinsTest), and a wrong answer costs more than a federated one.
   */
  private static List<RelOptMaterialization> offered(List<Materialization> usable, RelNode query) {
    List<RelOptTable> tables = RelOptUtil.findAllTables(query);
    if (hasDistinctAggregate(query) || tables.isEmpty() || !(tables.get(0).getRelOptSchema() instanceof Prepare.CatalogReader reader)) {
      return List.of();
    }
    Set<List<String>> read = tables.stream().map(RelOptTable::getQualifiedName).collect(Collectors.toSet());
    List<RelOptMaterialization> offered = new ArrayList<>();
    for (Materialization m : usable) {
      if (!read.containsAll(m.reads())) {
        continue;
      }
      try {
        offered.add(ViewPlans.of(m.config().sql(), List.of(SCHEMA, m.name()), query.getCluster(), reader));
      } catch (RuntimeException e) {
        LOG.warn("materialization `{}` not offered to a query: {}", m.name(), e.toString());
      }
    }
    return offered;
  }

  private static boolean hasDistinctAggregate(RelNode rel) {
    if (rel instanceof Aggregate aggregate && aggregate.getAggCallList().stream().anyMatch(AggregateCall::isDistinct)) {
      return true;
    }
    return rel.getInputs().stream().anyMatch(Materializations::hasDistinctAggregate);
  }

  @Override
  public List<StatusTable> tables() {
    return List.of(MaterializationsTable.of(this));
  }

  /** Every materialization, in the order declared. */
  List<Materialization> all() {
    return List.copyOf(byName.values());
  }

  long maxBytes() {
    return maxBytes;
  }

  /** Builds {@code m} again after {@code delay}, unless a build of it is queued already. */
  private void rebuild(Materialization m, Duration delay) {
    if (closed || !queued.add(m.name())) {
      return;
    }
    try {
      builder.schedule(() -> {
        queued.remove(m.name());
        build(m);
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      queued.remove(m.name());
    }
  }

  /** Runs the query federated into a new build; never throws, the next change or retry builds again. */
  private void build(Materialization m) {
    if (closed) {
      return;
    }
    Instant started = Instant.now();
    ColumnarRows[] rows = new ColumnarRows[1];
    List<List<String>> read = new ArrayList<>();
    try {
      engine.read("materialization " + m.name(), m.config().sql(), planned -> {
        read.addAll(planned.tables().stream().map(RelOptTable::getQualifiedName).toList());
        follow(m, planned.tables());
        m.building(Instant.now());
        rows[0] = ColumnarRows.of(planned.rowType());
        return sink(m, rows[0]);
      });
      MaterializedTable table = new MaterializedTable(rows[0]);
      m.built(table, read, Instant.now());
      memory.put(m.name(), table);
      LOG.info("materialization `{}` built: {} rows, {} in {} ms", m.name(), table.rowCount(), mb(table.bytes()),
          Duration.between(started, Instant.now()).toMillis());
      if (m.behind()) {
        rebuild(m, GATHER);
      }
    } catch (QueryException e) {
      String why = tooLarge(e).map(Throwable::getMessage).orElse(e.getMessage());
      LOG.warn("materialization `{}` could not be built: {}", m.name(), why);
      m.failed(why);
      rebuild(m, RETRY);
    } catch (RuntimeException e) {
      LOG.error("materialization `{}` could not be built", m.name(), e);
      m.failed(e.toString());
      rebuild(m, RETRY);
    }
  }

  private Consumer<Object> sink(Materialization m, ColumnarRows rows) {
    return row -> {
      rows.add(row);
      m.row();
      if (rows.size() % BUDGET_CHECK_ROWS == 0 && rows.bytes() > maxBytes) {
        throw new BuildTooLargeException("materialization `" + m.name() + "` holds more than " + mb(maxBytes)
            + " after " + rows.size() + " rows (limits.maxCachedMemory); narrow its query or raise the limit");
      }
    };
  }

  private static Optional<Throwable> tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BuildTooLargeException) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Follows the change feeds of the domains {@code tables} belong to, the first time it is planned. */
  private void follow(Materialization m, List<RelOptTable> tables) {
    if (!m.reads().isEmpty() || m.served().isPresent()) {
      return; // followed since its first build
    }
    Map<String, List<String>> byDomain = new TreeMap<>();
    for (RelOptTable table : tables) {
      List<String> name = table.getQualifiedName();
      String domain = name.get(0);
      String published = name.get(name.size() - 1);
      String store = storeNames.getOrDefault(domain, Map.of()).getOrDefault(published, published);
      byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(store);
    }
    List<String> followed = new ArrayList<>();
    List<String> unfollowed = new ArrayList<>();
    byDomain.forEach((domain, storeTables) -> {
      Optional<ChangeFeed> feed = engine.changes(domain);
      if (feed.isEmpty()) {
        unfollowed.add(domain);
        return;
      }
      try {
        ChangeSubscription subscription = feed.get().follow("mv_" + m.name() + "_" + domain, storeTables, Optional.empty(),
            listener(m, domain));
        synchronized (subscriptions) {
          subscriptions.add(subscription);
        }
        followed.add(domain);
      } catch (RuntimeException e) {
        LOG.warn("materialization `{}` cannot follow the changes of domain `{}`: {}; it is rebuilt only when another"
            + " source changes, and its staleness counts from its build", m.name(), domain, e.getMessage());
        unfollowed.add(domain);
      }
    });
    m.sources(followed, unfollowed, Instant.now());
  }

  private ChangeListener listener(Materialization m, String domain) {
    return new ChangeListener() {
      @Override
      public void committed(ChangeBatch batch) {
        m.changed(domain, batch.position().heardAt());
        rebuild(m, GATHER);
      }

      @Override
      public void caughtUp(ChangePosition position) {
        m.heard(domain, position.heardAt());
      }

      @Override
      public void unreachable(DomainUnavailableException cause) {
        LOG.debug("materialization `{}`: domain `{}` unreachable: {}", m.name(), domain, cause.getMessage());
      }

      @Override
      public void lost(ChangePosition position, String why) {
        LOG.warn("materialization `{}`: changes of domain `{}` were lost ({}); rebuilding", m.name(), domain, why);
        m.changed(domain, position.heardAt());
        rebuild(m, GATHER);
      }
    };
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }

  @Override
  public void close() {
    closed = true;
    builder.shutdownNow();
    synchronized (subscriptions) {
      // Builds live in memory and are made again at the next start: what a store keeps for
      // resuming (a replication slot, which holds back its log) would only cost it.
      subscriptions.forEach(ChangeSubscription::drop);
      subscriptions.clear();
    }
  }

  /** A build that would hold more than the cached results may. */
  private static final class BuildTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BuildTooLargeException(String message) {
      super(message);
    }
  }
}
