package io.tributary.gateway.door.flight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.Eventually;
import io.tributary.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.flight.FlightStream;
import org.junit.jupiter.api.Test;

/** Results leave in record batches of the configured size while the query runs, holding one batch, not the result. */
@SuppressWarnings("try") // Arrow declares close() throws InterruptedException on its streams and clients
class FlightStreamingTest {
  /** 10,500 x 10,500 rows, run inside PostgreSQL through a cursor: far too many to hold anywhere. */
  static final String ENDLESS = "SELECT a.n, b.label FROM lab.numbers a CROSS JOIN lab.numbers b";

  @Test
  void resultArrivesInBatchesOfTheConfiguredSize() throws Exception {
    try (ArrowClient client = new ArrowClient(TypeLab.gateway().flightPort())) {
      ArrowClient.Result result = client.read(client.execute("SELECT n, label FROM lab.numbers ORDER BY n"));

      List<Integer> expected = new ArrayList<>(Collections.nCopies(TypeLab.NUMBERS / TypeLab.BATCH_ROWS, TypeLab.BATCH_ROWS));
      expected.add(TypeLab.NUMBERS % TypeLab.BATCH_ROWS);
      assertEquals(expected, result.batches());
      assertEquals("1\tn1", result.rows().get(0));
      assertEquals(TypeLab.NUMBERS + "\tn" + TypeLab.NUMBERS, result.rows().get(TypeLab.NUMBERS - 1));
    }
  }

  @Test
  void firstBatchArrivesWhileTheQueryIsStillProducingRows() throws Exception {
    Gateway gateway = TypeLab.gateway();
    try (ArrowClient client = new ArrowClient(gateway.flightPort())) {
      long start = System.nanoTime();
      try (FlightStream stream = client.stream(client.execute(ENDLESS))) {
        assertTrue(stream.next());
        Duration firstBatch = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(TypeLab.BATCH_ROWS, stream.getRoot().getRowCount());
        assertTrue(firstBatch.compareTo(Duration.ofSeconds(10)) < 0, "first batch after " + firstBatch);
      } // closing an unfinished stream cancels it
      Eventually.until(Duration.ofSeconds(10), TypeLab::storeQueriesInProgress, busy -> busy == 0);
      Eventually.until(Duration.ofSeconds(10), gateway::flightArrowBytes, bytes -> bytes == 0L);
    }
  }

  @Test
  void clientThatStopsReadingHoldsTheQueryAtAboutOneBatch() throws Exception {
    Gateway gateway = TypeLab.gateway();
    try (ArrowClient client = new ArrowClient(gateway.flightPort());
         FlightStream stream = client.stream(client.execute(ENDLESS))) {
      assertTrue(stream.next());
      long oneBatch = stream.getRoot().getFieldVectors().stream().mapToLong(v -> v.getBufferSize()).sum();
      Thread.sleep(1_000); // the client reads nothing; the gateway must wait, not race ahead

      long held = gateway.flightArrowBytes();
      assertTrue(held > 0, "the query is parked with a batch in hand");
      assertTrue(held < 16 * oneBatch, held + " bytes held for batches of " + oneBatch + " bytes");
      assertEquals(1, TypeLab.storeQueriesInProgress(), "the store's cursor stays open, waiting");
      stream.cancel("test done", null);
    }
    Eventually.until(Duration.ofSeconds(10), TypeLab::storeQueriesInProgress, busy -> busy == 0);
  }
}
