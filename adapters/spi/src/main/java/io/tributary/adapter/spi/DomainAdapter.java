package io.tributary.adapter.spi;

import java.util.Set;

/**
 * A kind of domain store (PostgreSQL, MySQL, a Kafka cluster, ...) that Tributary can serve.
 *
 * <p>Implementations are discovered with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.tributary.adapter.spi.DomainAdapter}. The gateway picks the adapter
 * whose {@link #types()} contains the {@code adapter:} value of a domain's configuration.
 */
public interface DomainAdapter {

  /** The type names this adapter answers to in configuration, for example {@code postgresql}. */
  Set<String> types();

  /**
   * Opens a domain described by {@code spec}.
   *
   * <p>Must validate the settings and fail fast with {@link InvalidDomainSettingsException} when
   * they are wrong, but must <em>not</em> fail because the store is down: a store that is down at
   * start-up is reported through {@link DomainSource#health()} and by the queries that touch it,
   * while every other domain keeps serving.
   */
  DomainSource open(DomainSpec spec);
}
