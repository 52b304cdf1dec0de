package io.tributary.bench.tpch;

import io.tributary.bench.tpch.QueryOutcome.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run's table, per query, as Markdown (also printed) and CSV. */
final class Report {
  private static final List<String> STORES = List.of(TpchStore.REFERENCE, "sales", "customers", "supply");

  private final BenchSettings settings;
  private final List<QueryOutcome> outcomes;

  Report(BenchSettings settings, List<QueryOutcome> outcomes) {
    this.settings = settings;
    this.outcomes = outcomes;
  }

  /** Writes {@code tpch-sf<scale>.md} and {@code .csv} and returns the Markdown. */
  String write() throws IOException {
    String scale = settings.scale().stripTrailingZeros().toPlainString();
    Files.createDirectories(settings.outputDir());
    String markdown = markdown();
    Files.writeString(settings.outputDir().resolve("tpch-sf" + scale + ".md"), markdown);
    Files.writeString(settings.outputDir().resolve("tpch-sf" + scale + ".csv"), csv());
    return markdown;
  }

  /** One line as a query finishes. */
  static String progress(QueryOutcome o) {
    return String.format(Locale.ROOT, "%-4s %-12s PostgreSQL %8s ms  gateway %8s ms  planning %6s ms  %s", o.query(),
        o.verdict(), number(o.referenceMillis(), "%.1f"), number(o.gatewayMillis(), "%.1f"),
        number(o.planningMillis(), "%.0f"), o.detail());
  }

  /** Over the queries answered right; NaN when there are none. */
  double geometricMeanRatio() {
    return Math.exp(outcomes.stream().filter(o -> o.verdict() == Verdict.OK && Double.isFinite(o.ratio()))
        .mapToDouble(o -> Math.log(o.ratio())).average().orElse(Double.NaN));
  }

  private String markdown() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "# TPC-H SF %s: gateway over the split vs PostgreSQL alone%n%n",
        settings.scale().stripTrailingZeros().toPlainString()));
    text.append(String.format(Locale.ROOT, "%s; %d timed runs per side after %d warm-up, alternating; median times;"
            + " limit %d s per query; %d cores.%n%n", LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES),
        settings.repetitions(), settings.warmUps(), settings.timeout().toSeconds(),
        Runtime.getRuntime().availableProcessors()));
    text.append("| query | status | PostgreSQL ms | gateway ms | ratio | planning ms | rows read: reference | sales"
        + " | customers | supply | detail |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (QueryOutcome o : outcomes) {
      List<String> cells = new ArrayList<>(cells(o));
      cells.replaceAll(cell -> cell.replace("|", "\\|").replace('\n', ' '));
      text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    text.append('\n').append(summary()).append('\n');
    text.append("\nratio = gateway median / PostgreSQL median. Planning = `EXPLAIN PLAN FOR` through the gateway, once."
        + " Rows read = change in PostgreSQL's seq_tup_read + idx_tup_read per execution (the work each store did,"
        + " not the rows it sent); n/a for MariaDB, which keeps no per-table counters here. See bench/README.md.\n");
    return text.toString();
  }

  private String summary() {
    long ok = outcomes.stream().filter(o -> o.verdict() == Verdict.OK).count();
    String counts = Arrays.stream(Verdict.values())
        .map(v -> outcomes.stream().filter(o -> o.verdict() == v).count() + " " + v)
        .filter(s -> !s.startsWith("0 ")).collect(Collectors.joining(", "));
    double[] planning = outcomes.stream().mapToDouble(QueryOutcome::planningMillis).filter(Double::isFinite)
        .sorted().toArray();
    String plans = planning.length == 0 ? "not measured" : String.format(Locale.ROOT,
        "median %.0f ms, max %.0f ms over %d queries", planning[planning.length / 2], planning[planning.length - 1],
        planning.length);
    return String.format(Locale.ROOT, "%s. Geometric mean of the ratios over the %d ok queries: **%s**."
        + " Planning: %s.", counts, ok, number(geometricMeanRatio(), "%.2f"), plans);
  }

  private String csv() {
    StringBuilder text = new StringBuilder("query,status,postgresql_ms,gateway_ms,ratio,planning_ms,"
        + STORES.stream().map(s -> "rows_read_" + s).collect(Collectors.joining(",")) + ",detail\n");
    for (QueryOutcome o : outcomes) {
      List<String> cells = new ArrayList<>(cells(o));
      cells.replaceAll(cell -> cell.matches("[^,\"\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"");
      text.append(String.join(",", cells)).append('\n');
    }
    return text.toString();
  }

  private static List<String> cells(QueryOutcome o) {
    List<String> cells = new ArrayList<>(List.of(o.query(), o.verdict().toString(),
        number(o.referenceMillis(), "%.1f"), number(o.gatewayMillis(), "%.1f"), number(o.ratio(), "%.2f"),
        number(o.planningMillis(), "%.0f")));
    STORES.forEach(store -> cells.add(o.rowsRead().containsKey(store) ? o.rowsRead().get(store).toString() : "n/a"));
    cells.add(o.detail());
    return cells;
  }

  private static String number(double value, String format) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "";
  }
}
