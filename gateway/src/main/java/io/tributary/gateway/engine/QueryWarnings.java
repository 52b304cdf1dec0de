package io.tributary.gateway.engine;

import io.tributary.adapter.spi.WarningSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.ToIntFunction;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Warnings of each session's queries: a query that reads a table answering degraded (a
 * {@link WarningSource}, e.g. a topic served from last known state) succeeds and gets a warning.
 *
 * <p>Avatica's protocol (1.28) has no field for warnings: its statements and result sets return
 * null from {@code getWarnings()}. So a session reads its own warnings with {@code SELECT * FROM
 * tributary.warnings}, and the Tributary JDBC driver answers {@code Statement.getWarnings()} by
 * asking, only when called, for the rows of that statement's id. Which tables a statement reads is
 * learnt while Calcite prepares it on the calling thread ({@link Hook#TRIMMED}); whether they are
 * degraded is asked each time the statement executes.
 *
 * <p>A warning belongs to one execution: executing a statement again replaces its warnings (with
 * none if nothing it reads is degraded any more), as JDBC clears a statement's warnings on each
 * execution. Warnings of closed statements stay readable until the session's newest
 * {@value #KEPT_PER_SESSION} push them out.
 */
public final class QueryWarnings {
  /** The system table's name in {@code tributary}. */
  public static final String TABLE = "warnings";
  private static final int KEPT_PER_SESSION = 100;

  private final Map<Connection, Session> sessions = Collections.synchronizedMap(new WeakHashMap<>());

  /** Work that prepares a statement on this thread. */
  @FunctionalInterface
  public interface Preparation<T, E extends Exception> {
    T run() throws E;
  }

  void open(Connection session) {
    sessions.put(session, new Session());
  }

  /**
   * Runs {@code preparation} and remembers the degradable tables the statement it prepares reads;
   * {@link #executed} then records their warnings.
   *
   * @param statementId the prepared statement's id, from what {@code preparation} returned
   */
  public <T, E extends Exception> T prepared(Connection session, Preparation<T, E> preparation,
      ToIntFunction<T> statementId) throws E {
    Set<WarningSource> sources = new LinkedHashSet<>();
    T prepared;
    try (Hook.Closeable capture = Hook.TRIMMED.addThread((RelNode rel) -> collect(rel, sources))) {
      prepared = preparation.run();
    }
    session(session).ifPresent(s -> s.prepared(statementId.applyAsInt(prepared), sources));
    return prepared;
  }

  /**
   * Records the warnings of the tables statement {@code statementId} reads, as they are now, in
   * place of those of its previous execution.
   */
  public void executed(Connection session, int statementId, String sql) {
    session(session).ifPresent(s -> s.executed(statementId, sql));
  }

  /** The warnings of statement {@code statementId}'s latest execution, oldest first. */
  List<String> of(Connection session, int statementId) {
    return session(session).map(s -> s.of(statementId)).orElse(List.of());
  }

  /** Forgets which tables a closed statement reads; its last warnings stay readable. */
  public void closed(Connection session, int statementId) {
    session(session).ifPresent(s -> s.closed(statementId));
  }

  /** {@code tributary.warnings}: the calling session's warnings, oldest first. */
  Table table() {
    return new SessionTable();
  }

  private Optional<Session> session(Connection connection) {
    try {
      return Optional.ofNullable(sessions.get(connection.unwrap(Connection.class)));
    } catch (SQLException notOurs) {
      return Optional.empty();
    }
  }

  private static void collect(RelNode rel, Set<WarningSource> sources) {
    for (RelOptTable table : RelOptUtil.findTables(rel)) {
      WarningSource source = table.unwrap(WarningSource.class);
      if (source != null) {
        sources.add(source);
      }
    }
  }

  /**
   * One warning of one execution.
   *
   * @param statementId the statement's id in its door (the JDBC door's Avatica statement id); a
   *     door without statement ids would leave it null
   */
  private record Warning(long warnedAt, Integer statementId, String query, String text) {
    Object[] row() {
      return new Object[] {warnedAt, statementId, query, text};
    }
  }

  /** One session's statements and recent warnings. */
  private static final class Session {
    private final Map<Integer, Set<WarningSource>> statements = new HashMap<>();
    private final Deque<Warning> recent = new ArrayDeque<>();

    synchronized void prepared(int statementId, Set<WarningSource> sources) {
      statements.put(statementId, Set.copyOf(sources));
    }

    synchronized void executed(int statementId, String sql) {
      recent.removeIf(warning -> Objects.equals(warning.statementId(), statementId));
      long now = System.currentTimeMillis();
      for (WarningSource source : statements.getOrDefault(statementId, Set.of())) {
        source.currentWarning().ifPresent(text -> {
          if (recent.size() == KEPT_PER_SESSION) {
            recent.removeFirst();
          }
          recent.addLast(new Warning(now, statementId, sql, text));
        });
      }
    }

    synchronized List<String> of(int statementId) {
      return recent.stream().filter(w -> Objects.equals(w.statementId(), statementId)).map(Warning::text).toList();
    }

    synchronized void closed(int statementId) {
      statements.remove(statementId);
    }

    synchronized List<Object[]> rows() {
      List<Object[]> rows = new ArrayList<>(recent.size());
      recent.forEach(warning -> rows.add(warning.row()));
      return rows;
    }
  }

  /**
   * Reads the warnings of the session running the query: the data context's query provider is its
   * connection. Reading it records no warning (it is no {@link WarningSource}), so the driver's
   * look-up leaves the warnings it reads as they are.
   */
  private final class SessionTable extends AbstractTable implements ScannableTable {
    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
      return typeFactory.builder()
          .add("warned_at", SqlTypeName.TIMESTAMP).nullable(true)
          .add("statement_id", SqlTypeName.INTEGER).nullable(true)
          .add("query", SqlTypeName.VARCHAR).nullable(true)
          .add("warning", SqlTypeName.VARCHAR).nullable(true)
          .build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      Session session = root.getQueryProvider() instanceof Connection c ? session(c).orElse(null) : null;
      return Linq4j.asEnumerable(session == null ? List.of() : session.rows());
    }

    @Override
    public Schema.TableType getJdbcTableType() {
      return Schema.TableType.SYSTEM_TABLE;
    }
  }
}
