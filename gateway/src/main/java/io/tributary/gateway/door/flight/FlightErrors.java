package io.tributary.gateway.door.flight;

import io.tributary.gateway.engine.Engine;
import io.tributary.gateway.engine.QueryException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/** The engine's errors as Flight call statuses: the engine's message, a status from the SQLSTATE class. */
final class FlightErrors {
  private final Engine engine;

  FlightErrors(Engine engine) {
    this.engine = engine;
  }

  /** What the client sees when running {@code sql} failed; protocol errors pass unchanged. */
  FlightRuntimeException toClient(Throwable failure, String sql) {
    if (failure instanceof FlightRuntimeException already) {
      return already;
    }
    QueryException error = engine.translate(failure, sql);
    return status(error.getSQLState()).withDescription(error.getMessage()).withCause(error).toRuntimeException();
  }

  private static CallStatus status(String sqlState) {
    String sqlClass = sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
    return switch (sqlClass) {
      case "42" -> CallStatus.INVALID_ARGUMENT; // the query: syntax, unknown names, types
      case "22" -> CallStatus.INVALID_ARGUMENT; // a value: division by zero, text that is no number
      case "25", "0A" -> CallStatus.UNIMPLEMENTED; // a write, or SQL the gateway does not run
      case "53", "54" -> CallStatus.RESOURCE_EXHAUSTED; // a limit: sessions, connections, rows, nesting
      case "57" -> "57014".equals(sqlState) ? CallStatus.CANCELLED : CallStatus.UNAVAILABLE; // stopped, or shutting down
      case "08" -> CallStatus.UNAVAILABLE; // a domain's store cannot be reached
      case "55" -> CallStatus.UNAVAILABLE; // a data product's store breaks its contract, until fixed
      default -> CallStatus.INTERNAL;
    };
  }
}
