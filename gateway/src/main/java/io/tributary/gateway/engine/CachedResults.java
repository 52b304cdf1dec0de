package io.tributary.gateway.engine;

import io.tributary.adapter.spi.StatusTable;
import io.tributary.gateway.planner.Substitutes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.schema.Schema;

/**
 * Query results the gateway keeps, kept in sync with the stores (materializations): the schema
 * they are read from, what planning may read instead of the queries they hold, and the system
 * tables that show them. The engine mounts them in every session.
 */
public interface CachedResults {
  /** The schema every session sees them under: {@code materialized.<name>}. */
  String SCHEMA = "materialized";

  /** Keeps nothing. */
  CachedResults NONE = new CachedResults() {
    @Override
    public Optional<Schema> schema() {
      return Optional.empty();
    }

    @Override
    public Substitutes substitutes(Optional<Duration> maxStaleness) {
      return Substitutes.NONE;
    }

    @Override
    public List<StatusTable> tables() {
      return List.of();
    }
  };

  /** Empty when nothing is declared: then no {@code materialized} schema shows up beside the domains. */
  Optional<Schema> schema();

  /**
   * What a statement may be answered from: the results no staler than their own bound nor than
   * {@code maxStaleness}, the session's, when it sets one.
   */
  Substitutes substitutes(Optional<Duration> maxStaleness);

  /** System tables for the {@code tributary} schema, e.g. {@code tributary.materializations}. */
  List<StatusTable> tables();
}
