package io.tributary.catalog.lineage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each event as JSON to an OpenLineage HTTP endpoint (e.g. Marquez's {@code /api/v1/lineage}).
 * One background thread sends them in order, so a catalog sees a product created before it is
 * dropped; a failed post is retried a few times with growing pauses and then dropped with a warning.
 * At most {@value #QUEUED} events wait; beyond that new ones are dropped, so an endpoint that is
 * down for long costs bounded memory.
 */
final class HttpLineageSink implements LineageSink {
  static final int QUEUED = 10_000;
  private static final List<Duration> RETRY_PAUSES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(HttpLineageSink.class);

  private final URI endpoint;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final AtomicLong dropped = new AtomicLong();
  private final ThreadPoolExecutor sender;

  HttpLineageSink(URI endpoint) {
    this.endpoint = endpoint;
    this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED), r -> {
      Thread thread = new Thread(r, "openlineage-http");
      thread.setDaemon(true);
      return thread;
    }, (task, executor) -> LOG.warn("OpenLineage event dropped: {} events already wait for {} ({} dropped so far)",
        QUEUED, endpoint, dropped.incrementAndGet()));
  }

  @Override
  public void emit(ObjectNode event) {
    String body;
    try {
      body = MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an OpenLineage event is always serialisable", e);
    }
    sender.execute(() -> post(event.path("dataset").path("name").asText(), body));
  }

  private void post(String dataset, String body) {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    String failure = "";
    for (int attempt = 0; attempt <= RETRY_PAUSES.size(); attempt++) {
      try {
        if (attempt > 0) {
          Thread.sleep(RETRY_PAUSES.get(attempt - 1).toMillis());
        }
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status / 100 == 2) {
          return;
        }
        failure = "HTTP " + status + ": " + abbreviate(response.body());
        if (status / 100 == 4 && status != 429) {
          break; // the endpoint refuses this event; sending it again will not help
        }
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "the gateway is stopping";
        break;
      }
    }
    dropped.incrementAndGet();
    LOG.warn("OpenLineage event for {} not delivered to {}: {} ({} dropped so far)", dataset, endpoint, failure,
        dropped.get());
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** Sends what is queued for a few seconds, then gives up on the rest. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
        sender.shutdownNow();
      }
    } catch (InterruptedException e) {
      sender.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
