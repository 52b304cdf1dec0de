package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.Health;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether a domain's consumer reaches its cluster, as its thread last found out. */
final class BrokerLink {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerLink.class);

  private final String domain;
  private final String bootstrap;
  private volatile boolean up;
  private volatile boolean everUp;
  private volatile boolean lossLogged; // one warning per outage, however often the thread retries
  private volatile Instant since = Instant.now();
  private volatile String reason = "not connected yet";

  BrokerLink(String domain, String bootstrap) {
    this.domain = domain;
    this.bootstrap = bootstrap;
  }

  void reached() {
    if (!up) {
      up = true;
      everUp = true;
      lossLogged = false;
      since = Instant.now();
      LOG.info("domain `{}`: reading topics from {}", domain, bootstrap);
    }
  }

  void lost(String why) {
    reason = why;
    if (up) {
      since = Instant.now();
    }
    up = false;
    if (!lossLogged) {
      lossLogged = true;
      LOG.warn("domain `{}`: Kafka at {} unreachable ({}); topic tables serve their last known state until it returns",
          domain, bootstrap, why);
    }
  }

  boolean isUp() {
    return up;
  }

  Health health() {
    return up ? Health.up("reading topics from " + bootstrap + " since " + since)
        : Health.down("Kafka at " + bootstrap + " unreachable since " + since + ": " + reason
            + "; topic tables serve their last known state");
  }

  /** The warning a query on {@code table} carries while the cluster is unreachable. */
  Optional<String> warning(String table) {
    if (up) {
      return Optional.empty();
    }
    String state = everUp ? "the last known state" : "no rows yet (never reached the cluster)";
    return Optional.of("domain `" + domain + "`: Kafka at " + bootstrap + " unreachable since " + since + " ("
        + reason + "); " + domain + "." + table + " shows " + state);
  }
}
