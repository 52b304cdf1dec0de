package io.tributary.catalog.feed;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest contracts the feeds refused, for operators to look up (the HTTP API lists them).
 * Bounded, so a feed full of bad contracts cannot grow the gateway's memory; each refusal is logged
 * once, when it happens (a feed retries a source only when it changes).
 */
public final class Rejections {
  /** Refusals kept; older ones are only in the log. */
  public static final int KEPT = 500;
  private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

  private final Deque<Rejection> latest = new ArrayDeque<>(); // guarded by itself

  void add(String origin, String message) {
    LOG.warn("contract refused: {}", message);
    synchronized (latest) {
      if (latest.size() == KEPT) {
        latest.removeFirst();
      }
      latest.addLast(new Rejection(origin, Instant.now(), message));
    }
  }

  /** Oldest first. */
  public List<Rejection> latest() {
    synchronized (latest) {
      return List.copyOf(latest);
    }
  }
}
