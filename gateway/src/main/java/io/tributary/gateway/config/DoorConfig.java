package io.tributary.gateway.config;

/**
 * One protocol door.
 *
 * @param port the TCP port; 0 picks a free one
 */
public record DoorConfig(int port) {}
