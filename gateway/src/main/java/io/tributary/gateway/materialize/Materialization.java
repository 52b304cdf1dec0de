package io.tributary.gateway.materialize;

import io.tributary.gateway.config.MaterializationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One cached join: its declaration, its latest build, and how far behind its sources it is.
 *
 * <p><b>Freshness.</b> A build reflects every change heard before it started. Each source that
 * offers a change feed says when it was last heard (a change or a heartbeat), so the build is
 * known current up to then; changes heard since the build started are pending. Staleness is the
 * time since the oldest change the served build does not reflect, or else since the source heard
 * least recently; a source without a change feed cannot say, and counts from the build's start.
 */
final class Materialization {
  /** Where a materialization is in its life. */
  enum State { WAITING, BUILDING, READY, FAILED, DROPPED }

  private final MaterializationConfig config;
  private volatile State state = State.WAITING;
  private volatile String problem = "";
  private volatile Build served;
  /** The table plans read it through, made at its first build. */
  private volatile MaterializedView view;
  /** The tables its query reads, by qualified name, once it was planned. */
  private volatile List<List<String>> reads = List.of();
  private final AtomicLong rowsSoFar = new AtomicLong();
  private volatile Instant buildStarted;
  /** Domains read whose store has no change feed: their changes are not seen at all. */
  private volatile List<String> unfollowed = List.of();
  /** When each followed domain was last heard, by domain. */
  private final Map<String, Instant> heard = new ConcurrentHashMap<>();
  /** The oldest change heard and not yet in a build that started, if any. */
  private Instant pending; // guarded by this
  /** The oldest change the running build covers once it finishes, if any. */
  private Instant covered; // guarded by this

  /**
   * One finished build.
   *
   * @param number counts builds, so plans made with an older one are not reused
   * @param startedAt what the build reflects: every change heard before
   */
  record Build(MaterializedTable table, long number, Instant startedAt, Duration took) {}

  Materialization(MaterializationConfig config) {
    this.config = config;
  }

  MaterializationConfig config() {
    return config;
  }

  String name() {
    return config.name();
  }

  State state() {
    return state;
  }

  String problem() {
    return problem;
  }

  Optional<Build> served() {
    return Optional.ofNullable(served);
  }

  /** The table plans read it through; empty until its first build. */
  Optional<MaterializedView> view() {
    return Optional.ofNullable(view);
  }

  List<List<String>> reads() {
    return reads;
  }

  List<String> unfollowed() {
    return unfollowed;
  }

  /** The domains whose change feeds it follows, in name order. */
  List<String> followed() {
    return heard.keySet().stream().sorted().toList();
  }

  long rowsSoFar() {
    return rowsSoFar.get();
  }

  Optional<Instant> buildStarted() {
    return state == State.BUILDING ? Optional.ofNullable(buildStarted) : Optional.empty();
  }

  /** A build begins: it will reflect every change heard until now. */
  synchronized void building(Instant now) {
    state = State.BUILDING;
    buildStarted = now;
    rowsSoFar.set(0);
    covered = earliest(covered, pending);
    pending = null;
  }

  void row() {
    rowsSoFar.incrementAndGet();
  }

  /** The build finished; it is served from now on. */
  synchronized void built(MaterializedTable table, List<List<String>> read, Instant now) {
    long number = served == null ? 1 : served.number() + 1;
    served = new Build(table, number, buildStarted, Duration.between(buildStarted, now));
    if (view == null) {
      view = new MaterializedView(this, table.rowType());
    }
    reads = List.copyOf(read);
    covered = null;
    state = State.READY;
    problem = "";
  }

  /** The build failed; the build served before, if any, stays, as stale as it is. */
  synchronized void failed(String why) {
    pending = earliest(covered, pending);
    covered = null;
    problem = why;
    state = served == null ? State.FAILED : State.READY;
  }

  /** The served build was dropped to keep the cached results within their memory limit. */
  synchronized void dropped(String why) {
    served = null;
    pending = earliest(covered, pending);
    problem = why;
    state = State.DROPPED;
  }

  /** Which domains it follows and which it cannot, once its query was planned. */
  void sources(List<String> followed, List<String> notFollowed, Instant now) {
    followed.forEach(domain -> heard.putIfAbsent(domain, now));
    unfollowed = List.copyOf(notFollowed);
  }

  /** A followed source committed a change, heard at {@code at}; it is pending until a build starts after it. */
  synchronized void changed(String domain, Instant at) {
    pending = earliest(pending, at);
    heard.merge(domain, at, Materialization::latest);
  }

  /** A followed source confirmed nothing else changed, as of {@code at}. */
  void heard(String domain, Instant at) {
    heard.merge(domain, at, Materialization::latest);
  }

  /** Whether changes wait for a build. */
  synchronized boolean behind() {
    return pending != null || served == null;
  }

  /** How far behind its sources the served build is; empty while nothing is served. */
  synchronized Optional<Duration> staleness(Instant now) {
    Build build = served;
    if (build == null) {
      return Optional.empty();
    }
    Instant since = earliest(pending, covered);
    if (!unfollowed.isEmpty()) {
      since = earliest(since, build.startedAt());
    }
    for (Instant at : heard.values()) {
      since = earliest(since, at);
    }
    since = since == null ? now : since;
    return Optional.of(since.isAfter(now) ? Duration.ZERO : Duration.between(since, now));
  }

  /** Whether the served build may answer a query bounded by {@code bound} (and by its own maxStaleness). */
  boolean usable(Instant now, Optional<Duration> bound) {
    Duration limit = bound.filter(b -> b.compareTo(config.maxStaleness()) < 0).orElse(config.maxStaleness());
    return staleness(now).map(s -> s.compareTo(limit) <= 0).orElse(false);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
