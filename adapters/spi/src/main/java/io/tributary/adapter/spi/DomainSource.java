package io.tributary.adapter.spi;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;

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
   * A table of the store by the store's own name, whether or not the domain's configuration
   * publishes it: data products map their contracts onto such tables. The gateway reads it
   * through a renaming projection, so it should plan and push down like a published table
   * (statistics, {@link org.apache.calcite.schema.TranslatableTable} or
   * {@link org.apache.calcite.schema.ScannableTable}).
   *
   * <p>Must not need the store: a table the store turns out not to have fails when queried, and
   * {@link #describe} reports it missing. Empty when this adapter can never serve that name
   * (e.g. a topic it does not consume). None by default: products on such a domain are reported
   * broken, naming the table.
   *
   * @param source the store's name for the table, as a contract's {@code physicalName} writes it
   */
  default Optional<Table> storeTable(String source) {
    return Optional.empty();
  }

  /**
   * The shape the store gives {@code source} right now, read past any cache (and refreshing the
   * adapter's caches with it, so queries plan with what was checked). The gateway compares it
   * with the data products' contracts when they are published and periodically.
   *
   * <p>By default the row type of {@link #storeTable}: right for adapters that cache no shapes.
   *
   * @return empty when the store answers but has no such table
   * @throws DomainUnavailableException when the store cannot be reached; that is no contract violation
   */
  default Optional<RelDataType> describe(String source, RelDataTypeFactory typeFactory) {
    return storeTable(source).map(table -> table.getRowType(typeFactory));
  }

  /**
   * Tables this source contributes to the {@code tributary} system schema, each unioned with the
   * same-named tables of other domains; see {@link StatusTable}. None by default.
   */
  default List<StatusTable> statusTables() {
    return List.of();
  }

  /**
   * The store's committed changes, for the gateway's cached joins to follow; empty when this store
   * offers none (its cached joins are then rebuilt from the store). Empty by default.
   */
  default Optional<ChangeFeed> changes() {
    return Optional.empty();
  }

  /** Asks the store whether it answers now; never throws. */
  Health health();

  /** Releases connections, consumers and threads. */
  @Override
  void close();
}
