package io.tributary.adapter.spi;

import java.util.Optional;

/**
 * A table that can answer while degraded, for example from the last known state of a topic
 * whose broker is gone. The engine asks each such table a query reads, when the query runs, and
 * attaches the answer to the query as a warning instead of failing it.
 *
 * <p>Implemented by the {@link org.apache.calcite.schema.Table} itself.
 */
public interface WarningSource {

  /** Why answers from this table are degraded right now, in a sentence naming the domain; empty when they are not. */
  Optional<String> currentWarning();
}
