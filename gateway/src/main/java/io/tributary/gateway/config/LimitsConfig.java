package io.tributary.gateway.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tributary.adapter.spi.Sizes;
import java.time.Duration;
import java.util.Optional;

/**
 * What one query and one caller may take from the gateway. Each limit fails the query that
 * reaches it, alone, with a message naming the limit and this setting.
 *
 * @param queryTimeout how long a query may run, planning included, unless its client asks for less
 * @param planningTimeout how long planning a query may take
 * @param maxResultRows how many rows one query may return
 * @param maxHeapUsage the share of the heap (after a collection) above which the query that has
 *     allocated the most is stopped, so one query cannot take the gateway down with it
 * @param maxQueryMemory how much one query may hold in the gateway (hash-join build sides, sorts,
 *     aggregate groups, windows, set operations): a size such as {@code 512MB}, or a share of the
 *     heap such as {@code 25%}
 * @param maxCachedMemory how much all materializations (cached joins) may hold together, in the
 *     same forms as {@code maxQueryMemory}; past it the least recently used is dropped and its
 *     queries run federated until it is rebuilt
 * @param maxSessions how many client sessions (JDBC connections, Flight statements) may be open at once
 * @param sessionIdleTimeout how long a session may stay unused before it is closed
 * @param resultIdleTimeout how long a running query may wait for its client to read rows before it
 *     is stopped; it holds store connections meanwhile
 */
public record LimitsConfig(Duration queryTimeout, Duration planningTimeout, long maxResultRows, int maxHeapUsage,
    String maxQueryMemory, String maxCachedMemory, int maxSessions, Duration sessionIdleTimeout,
    Duration resultIdleTimeout) {
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(30);
  public static final Duration DEFAULT_PLANNING_TIMEOUT = Duration.ofSeconds(30);
  public static final long DEFAULT_MAX_RESULT_ROWS = 50_000_000L;
  public static final int DEFAULT_MAX_HEAP_USAGE = 85;
  public static final String DEFAULT_MAX_QUERY_MEMORY = "25%";
  public static final String DEFAULT_MAX_CACHED_MEMORY = "25%";
  public static final int DEFAULT_MAX_SESSIONS = 1_000;
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofHours(8);
  public static final Duration DEFAULT_RESULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

  public static LimitsConfig defaults() {
    return fromYaml(null, null, null, null, null, null, null, null, null);
  }

  /** From YAML: a key left out takes its default. */
  @JsonCreator
  static LimitsConfig fromYaml(@JsonProperty("queryTimeout") Duration queryTimeout,
      @JsonProperty("planningTimeout") Duration planningTimeout, @JsonProperty("maxResultRows") Long maxResultRows,
      @JsonProperty("maxHeapUsage") Integer maxHeapUsage, @JsonProperty("maxQueryMemory") String maxQueryMemory,
      @JsonProperty("maxCachedMemory") String maxCachedMemory, @JsonProperty("maxSessions") Integer maxSessions,
      @JsonProperty("sessionIdleTimeout") Duration sessionIdleTimeout,
      @JsonProperty("resultIdleTimeout") Duration resultIdleTimeout) {
    return new LimitsConfig(queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : queryTimeout,
        planningTimeout == null ? DEFAULT_PLANNING_TIMEOUT : planningTimeout,
        maxResultRows == null ? DEFAULT_MAX_RESULT_ROWS : maxResultRows,
        maxHeapUsage == null ? DEFAULT_MAX_HEAP_USAGE : maxHeapUsage,
        maxQueryMemory == null ? DEFAULT_MAX_QUERY_MEMORY : maxQueryMemory.trim(),
        maxCachedMemory == null ? DEFAULT_MAX_CACHED_MEMORY : maxCachedMemory.trim(),
        maxSessions == null ? DEFAULT_MAX_SESSIONS : maxSessions,
        sessionIdleTimeout == null ? DEFAULT_SESSION_IDLE_TIMEOUT : sessionIdleTimeout,
        resultIdleTimeout == null ? DEFAULT_RESULT_IDLE_TIMEOUT : resultIdleTimeout);
  }

  /**
   * {@link #maxQueryMemory} in bytes, a share of the heap resolved against this JVM's maximum; empty
   * when it is neither a size nor a percentage from 1 to 100.
   */
  public Optional<Long> maxQueryMemoryBytes() {
    return bytes(maxQueryMemory);
  }

  /** {@link #maxCachedMemory} in bytes, as {@link #maxQueryMemoryBytes()}. */
  public Optional<Long> maxCachedMemoryBytes() {
    return bytes(maxCachedMemory);
  }

  private static Optional<Long> bytes(String size) {
    if (size.endsWith("%")) {
      String digits = size.substring(0, size.length() - 1).trim();
      if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 100) {
        return Optional.empty();
      }
      return Optional.of(Runtime.getRuntime().maxMemory() / 100 * Integer.parseInt(digits));
    }
    return Sizes.parse(size);
  }
}
