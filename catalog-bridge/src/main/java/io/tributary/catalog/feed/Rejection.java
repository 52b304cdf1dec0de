package io.tributary.catalog.feed;

import java.time.Instant;

/**
 * A contract a feed could not publish.
 *
 * @param origin where it came from (a file, {@code PUT /api/products/...}, a Kafka record)
 * @param at when it was refused
 * @param message why, naming the origin, the path inside the contract and what was expected
 */
public record Rejection(String origin, Instant at, String message) {}
