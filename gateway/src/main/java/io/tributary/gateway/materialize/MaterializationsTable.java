package io.tributary.gateway.materialize;

import static org.apache.calcite.sql.type.SqlTypeName.BIGINT;
import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.adapter.spi.StatusTable.Column;
import io.tributary.adapter.spi.StatusTable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tributary.materializations}: each cached join with its state, size, build progress,
 * sources and staleness, computed on every scan.
 */
final class MaterializationsTable {
  static final String NAME = "materializations";
  private static final List<Column> COLUMNS = List.of(col("name"), col("state"), col("refresh"), col("maintained"),
      new Column("row_count", BIGINT), new Column("memory_bytes", BIGINT), new Column("built_at", TIMESTAMP),
      new Column("build_ms", BIGINT), new Column("build_rows_so_far", BIGINT), new Column("staleness_ms", BIGINT),
      new Column("max_staleness_ms", BIGINT), col("sources"), col("problem"), col("sql"));

  private MaterializationsTable() {}

  static StatusTable of(Materializations materializations) {
    return new StatusTable(NAME, COLUMNS, () -> rows(materializations));
  }

  private static Column col(String name) {
    return new Column(name, VARCHAR);
  }

  private static List<Object[]> rows(Materializations materializations) {
    Instant now = Instant.now();
    List<Object[]> rows = new ArrayList<>();
    for (Materialization m : materializations.all()) {
      Optional<Materialization.Build> build = m.served();
      rows.add(new Object[] {m.name(), m.state().name().toLowerCase(Locale.ROOT),
          m.config().refresh().toString(),
          // Said plainly until incremental maintenance lands: every change runs the query again.
          "in full: every change runs the query again (incremental maintenance is not built yet)",
          build.map(b -> (long) b.table().rowCount()).orElse(null),
          build.map(b -> b.table().bytes()).orElse(null),
          build.map(b -> b.startedAt().toEpochMilli()).orElse(null),
          build.map(b -> b.took().toMillis()).orElse(null),
          m.buildStarted().map(at -> m.rowsSoFar()).orElse(null),
          m.staleness(now).map(Duration::toMillis).orElse(null),
          m.config().maxStaleness().toMillis(),
          sources(m), m.problem().isEmpty() ? null : m.problem(), m.config().sql()});
    }
    return rows;
  }

  private static String sources(Materialization m) {
    if (m.reads().isEmpty() && m.served().isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    m.followed().forEach(d -> parts.add(d + ": followed"));
    m.unfollowed().forEach(d -> parts.add(d + ": no change feed, staleness counts from the build"));
    return String.join("; ", parts);
  }
}
