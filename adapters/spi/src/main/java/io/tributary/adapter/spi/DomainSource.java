package io.tributary.adapter.spi;

import java.util.List;
import org.apache.calcite.schema.Schema;

/** An opened domain: its published tables, as Calcite sees them, and the state of its store. */
public interface DomainSource extends AutoCloseable {

  /**
   * The domain's published tables, and nothing else of the store.
   *
   * <p>The gateway mounts this schema at the root of its namespace under the domain's name, so
   * {@code <domain>.<table>} resolves to it; generated code may rely on that path. Tables should
   * report {@link org.apache.calcite.schema.Statistic statistics} (row counts, keys) read from
   * the store so the planner orders joins by real sizes.
   */
  Schema schema();

  /**
   * Tables this source contributes to the {@code tributary} system schema, each unioned with the
   * same-named tables of other domains; see {@link StatusTable}. None by default.
   */
  default List<StatusTable> statusTables() {
    return List.of();
  }

  /** Asks the store whether it answers now; never throws. */
  Health health();

  /** Releases connections, consumers and threads. */
  @Override
  void close();
}
