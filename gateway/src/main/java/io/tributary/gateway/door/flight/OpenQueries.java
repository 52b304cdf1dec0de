package io.tributary.gateway.door.flight;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.apache.arrow.flight.CallStatus;

/**
 * The queries clients hold handles to (statements between GetFlightInfo and DoGet, prepared
 * statements until closed), bounded in number and idle time: a client that forgets a handle
 * costs an engine session for {@link #IDLE} at most.
 */
final class OpenQueries {
  static final int MAX_OPEN = 1_000;
  static final Duration IDLE = Duration.ofMinutes(10);

  private final Cache<ByteString, OpenQuery> open = Caffeine.newBuilder()
      .maximumSize(MAX_OPEN)
      .expireAfterAccess(IDLE)
      // On the caller's thread, so that a closed handle has released its session when the call returns.
      .executor(Runnable::run)
      .<ByteString, OpenQuery>removalListener((handle, query, cause) -> {
        if (query != null) {
          query.retire();
        }
      })
      .build();

  /** Keeps {@code query} and returns the handle clients name it by. */
  ByteString add(OpenQuery query) {
    UUID id = UUID.randomUUID();
    ByteString handle = ByteString.copyFrom(ByteBuffer.allocate(16)
        .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).flip());
    open.put(handle, query);
    return handle;
  }

  OpenQuery get(ByteString handle) {
    OpenQuery query = open.getIfPresent(handle);
    if (query == null) {
      throw CallStatus.NOT_FOUND.withDescription("unknown statement handle: it was closed, or idle for more than "
          + IDLE.toMinutes() + " minutes; prepare the statement again").toRuntimeException();
    }
    return query;
  }

  /** The query, claimed for one execution or binding: the caller ends it with {@code end()}. */
  OpenQuery claim(ByteString handle) {
    OpenQuery query = get(handle);
    query.begin();
    return query;
  }

  /** The query if the handle is still open; for cancelling, where a finished query is no error. */
  OpenQuery find(ByteString handle) {
    return open.getIfPresent(handle);
  }

  void close(ByteString handle) {
    open.invalidate(handle);
  }

  void closeAll() {
    open.invalidateAll();
    open.cleanUp();
  }
}
