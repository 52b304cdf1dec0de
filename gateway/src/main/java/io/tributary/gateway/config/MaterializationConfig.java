package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Locale;

/**
 * A cached join: a query over published tables whose result the gateway keeps, in sync with the
 * stores' change streams, and answers matching queries from.
 *
 * @param name its SQL name: the data is readable as {@code materialized.<name>}
 * @param sql the query (inner and left equi-joins, filters, projections, {@code GROUP BY} aggregates)
 * @param refresh how changes reach it: applied one by one, or by running the query again
 * @param maxStaleness how far behind its sources it may be and still answer a query; staler, the
 *     query runs federated
 */
public record MaterializationConfig(String name, String sql, Refresh refresh, Duration maxStaleness) {
  public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(5);

  /** How a materialization follows its sources. */
  public enum Refresh {
    /** Each change is applied to the result (the shapes that cannot be fall back to {@link #FULL}). */
    INCREMENTAL,
    /** Every change runs the query again, federated. */
    FULL;

    @JsonCreator
    static Refresh of(String text) {
      for (Refresh refresh : values()) {
        if (refresh.name().equalsIgnoreCase(text.trim())) {
          return refresh;
        }
      }
      throw new IllegalArgumentException("`" + text + "` is not a refresh mode; expected incremental or full");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** From YAML: refresh defaults to incremental, maxStaleness to 5 s. */
  @JsonCreator
  static MaterializationConfig fromYaml(@JsonProperty("name") String name, @JsonProperty("sql") String sql,
      @JsonProperty("refresh") Refresh refresh, @JsonProperty("maxStaleness") Duration maxStaleness) {
    return new MaterializationConfig(name, sql == null ? null : sql.trim(), refresh == null ? Refresh.INCREMENTAL : refresh,
        maxStaleness == null ? DEFAULT_MAX_STALENESS : maxStaleness);
  }
}
