/**
 * Cached joins (materializations): declared under {@code materializations:}, built by running their
 * query federated through the engine ({@link io.tributary.gateway.engine.Engine#read}), held column
 * by column within {@code limits.maxCachedMemory}, read as {@code materialized.<name>}, offered to
 * the planning of every statement that reads their tables (Calcite's materialized-view rewriting,
 * which compares the statement with the materialization's query), and rebuilt whenever a store they
 * read commits a change its change feed reports. {@code tributary.materializations} shows them.
 *
 * <p>What is not built yet, and said so in {@code tributary.materializations.maintained}: changes
 * are not applied one by one (every change runs the query again); of the built-in stores only
 * PostgreSQL offers a change feed (logical replication), so over the others a materialization's
 * staleness counts from the start of its build.
 */
package io.tributary.gateway.materialize;
