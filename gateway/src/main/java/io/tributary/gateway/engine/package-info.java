/**
 * The engine: one query path for every door.
 *
 * <p><b>Sessions and queries.</b> A door opens a {@link io.tributary.gateway.engine.Session} per
 * caller ({@link io.tributary.gateway.engine.Caller}: user, door, client address) with
 * {@link io.tributary.gateway.engine.Engine#openSession}; the JDBC door one per client connection,
 * the Flight door one per statement handle. {@code Session.prepare} plans SQL into a
 * {@link io.tributary.gateway.engine.Query}, whose lifecycle is the same for every door: execute
 * (with the door's way of binding parameters), read the rows inside {@code Query.read}, cancel,
 * close. A door translates its protocol's handles onto these and does nothing else: warnings,
 * errors, limits and the list of queries live here, once.
 *
 * <p><b>Runs.</b> Every execution (the first continues its planning) is a
 * {@link io.tributary.gateway.engine.QueryRun}, listed in {@code tributary.queries} while it runs
 * and among the last {@value io.tributary.gateway.engine.QueryLog#KEPT} after
 * ({@link io.tributary.gateway.engine.QueryLog}). Whatever works for a run enters its scope: the
 * planner (whose cancel flag is the run's), the rows ({@link io.tributary.gateway.engine.TrackedSignature}
 * counts them against {@code limits.maxResultRows} and ends the run at the last row or when they
 * are closed), and the adapters, which tie what they open in a store to the run's
 * {@link io.tributary.adapter.spi.QueryScope}. So a run stops as a whole (planning, the gateway's
 * own work at its next row, every store statement at once) when its client cancels it, when it
 * passes {@code limits.planningTimeout} or {@code limits.queryTimeout}, when an operator calls
 * {@code CALL tributary.cancel_query('<id>')}, or when the heap is full and it allocated the most
 * ({@link io.tributary.gateway.engine.HeapGuard}); and every store connection it borrowed goes
 * back to its pool when it ends, however it ends.
 *
 * <p><b>Memory.</b> Planning ends by marking the inputs of operators that keep rows in the gateway
 * ({@link io.tributary.gateway.engine.HeldInputs}: hash-join build sides, sorts, aggregate groups,
 * windows, set operations); the generated code counts what flows into them
 * ({@link io.tributary.gateway.engine.HeldRows}) against the run's
 * {@link io.tributary.gateway.engine.QueryMemory}, which fails the run alone past
 * {@code limits.maxQueryMemory} (53200). The heap guard is the gateway-wide backstop for what the
 * estimate misses.
 *
 * <p><b>Errors.</b> Nothing thrown while planning or running leaves the engine as anything but a
 * {@link io.tributary.gateway.engine.QueryException} with a SQLSTATE: typed exceptions of the
 * adapters and the catalog keep theirs, runtime failures map by type
 * ({@link io.tributary.gateway.engine.RuntimeErrors}: 22012, 22P02, 54001, 53200, 0A000), a store's
 * own error keeps the store's SQLSTATE, statements that would change data are refused before
 * planning (25006), and anything else is an internal error (XX000) logged in full under the query id.
 *
 * <p><b>Plans.</b> A session keeps the plans it made by statement text
 * ({@link io.tributary.gateway.engine.PlanCache}): the same SQL again on a connection skips parsing,
 * planning and code generation, and a reused plan is checked again against the data products it
 * reads, as planning would.
 *
 * <p><b>Measures.</b> Each run that ends is counted once
 * ({@link io.tributary.gateway.engine.QueryMetrics}: by door and outcome, its duration and planning
 * time, rows, statements per store) in the Micrometer registry the gateway gives the engine; the
 * {@code ops} package serves it on {@code /metrics} with health and the query list. A run that
 * fails or is cancelled leaves one log line under its id (MDC key {@code query}).
 *
 * <p><b>Dialect.</b> Sessions read PostgreSQL's flavour of SQL ({@code dialect}): Calcite's Babel
 * parser, PostgreSQL's functions and numeric scales; see {@code docs/sql.md}.
 */
package io.tributary.gateway.engine;
