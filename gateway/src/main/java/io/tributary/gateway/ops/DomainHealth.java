package io.tributary.gateway.ops;

import io.tributary.adapter.spi.Health;
import io.tributary.gateway.engine.Engine;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether each domain's store answers now, asked of every domain at once and bounded: a store that
 * hangs makes its own domain DOWN after {@link #WAIT}, not the health check of the others wait.
 * Answers are kept for {@link #KEEP}, so probes and metric scrapes do not each cost a round trip
 * per domain.
 */
public final class DomainHealth implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(3);
  static final Duration KEEP = Duration.ofSeconds(5);

  private final Engine engine;
  private final ExecutorService checks = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "domain-health");
    thread.setDaemon(true);
    return thread;
  });
  private Map<String, Health> last = Map.of(); // guarded by this
  private long checkedAt; // guarded by this

  public DomainHealth(Engine engine) {
    this.engine = engine;
  }

  /** Each domain's health, in the catalog's order. */
  public synchronized Map<String, Health> now() {
    if (!last.isEmpty() && System.nanoTime() - checkedAt < KEEP.toNanos()) {
      return last;
    }
    List<String> domains = engine.catalog().domains().stream().map(d -> d.name()).toList();
    Map<String, CompletableFuture<Health>> asked = new LinkedHashMap<>();
    domains.forEach(domain -> asked.put(domain, CompletableFuture.supplyAsync(() -> engine.health(domain), checks)));
    long deadline = System.nanoTime() + WAIT.toNanos();
    Map<String, Health> answers = new LinkedHashMap<>();
    asked.forEach((domain, answer) -> answers.put(domain, await(answer, deadline)));
    last = Collections.unmodifiableMap(answers);
    checkedAt = System.nanoTime();
    return last;
  }

  private static Health await(CompletableFuture<Health> answer, long deadline) {
    try {
      return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return Health.down("its store did not answer within " + WAIT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down("the check was interrupted");
    } catch (Exception e) {
      return Health.down("checking it failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
