package io.tributary.gateway.config;

/**
 * The owner of a domain.
 *
 * @param team the owning team (required)
 * @param contact how to reach them (required)
 */
public record OwnerConfig(String team, String contact) {}
