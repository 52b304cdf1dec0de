/**
 * What operators and their tools reach on the HTTP door: liveness and per-domain readiness
 * ({@link io.tributary.gateway.ops.DomainHealth}, bounded and kept for a few seconds), the
 * Prometheus metrics of the engine and the JVM ({@link io.tributary.gateway.ops.Meters}), and the
 * running queries with a cancel by id ({@link io.tributary.gateway.ops.OpsApi}).
 */
package io.tributary.gateway.ops;
