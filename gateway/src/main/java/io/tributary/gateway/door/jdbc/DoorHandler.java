package io.tributary.gateway.door.jdbc;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * In front of Avatica's handler: remembers each request's client address, and answers the
 * driver's cancel requests ({@code POST /tributary/cancel?connection=…&statement=…}) itself.
 * Avatica's protocol has no cancel, and its client sends a connection's requests one at a time,
 * so a cancel sent the Avatica way would wait behind the query it is meant to stop.
 */
final class DoorHandler extends HandlerWrapper {
  static final String CANCEL_PATH = "/tributary/cancel";

  private final GatewayMeta meta;

  DoorHandler(GatewayMeta meta) {
    this.meta = meta;
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, javax.servlet.ServletException {
    if (CANCEL_PATH.equals(target)) {
      base.setHandled(true);
      cancel(request, response);
      return;
    }
    ClientAddress.set(request.getRemoteAddr());
    try {
      super.handle(target, base, request, response);
    } finally {
      ClientAddress.clear();
    }
  }

  private void cancel(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "cancel with POST");
      return;
    }
    String connection = request.getParameter("connection");
    String statement = request.getParameter("statement");
    int id;
    try {
      id = Integer.parseInt(statement == null ? "" : statement);
    } catch (NumberFormatException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "expected ?connection=<id>&statement=<number>");
      return;
    }
    boolean cancelled = connection != null && meta.cancel(connection, id);
    response.setStatus(cancelled ? HttpServletResponse.SC_OK : HttpServletResponse.SC_NOT_FOUND);
  }
}
