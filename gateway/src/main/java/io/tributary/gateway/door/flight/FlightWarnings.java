package io.tributary.gateway.door.flight;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.flight.CallHeaders;
import org.apache.arrow.flight.CallInfo;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightServerMiddleware;
import org.apache.arrow.flight.RequestContext;

/**
 * A query's warnings (a deprecated product version, a table served from its last known state)
 * as gRPC response headers of the DoGet that streams its rows: one {@value #HEADER} per warning,
 * its UTF-8 text, sent before the first batch. Flight SQL defines no warnings; headers are how a
 * Flight call carries facts beside its data, and every gRPC client can read them. (A binary
 * header, as warnings quote names and values that need not be ASCII.)
 */
final class FlightWarnings implements FlightServerMiddleware {
  static final String HEADER = "tributary-warning-bin";
  static final Key<FlightWarnings> KEY = Key.of("tributary-warnings");

  private volatile List<String> warnings = List.of();

  /** Makes one per call; the producer finds it in the call's context. */
  static final class Factory implements FlightServerMiddleware.Factory<FlightWarnings> {
    @Override
    public FlightWarnings onCallStarted(CallInfo info, CallHeaders incomingHeaders, RequestContext context) {
      return new FlightWarnings();
    }
  }

  /** What the call's query warned of; set before its stream starts. */
  void set(List<String> warnings) {
    this.warnings = List.copyOf(warnings);
  }

  @Override
  public void onBeforeSendingHeaders(CallHeaders outgoingHeaders) {
    warnings.forEach(w -> outgoingHeaders.insert(HEADER, w.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void onCallCompleted(CallStatus status) {
    // nothing to release
  }

  @Override
  public void onCallErrored(Throwable err) {
    // an error says more than any warning
  }
}
