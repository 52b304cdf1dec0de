package io.tributary.gateway.door.jdbc;

import java.io.IOException;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * Avatica's protobuf protocol over HTTP, as Avatica's own handler serves it, but for what a
 * client gets wrong: a body that is no Avatica request is answered 400 with SQLSTATE 08P01
 * (protocol violation) instead of 500 with SQLSTATE 00000, and no error carries the server's
 * stack trace, which Avatica sends with every one.
 */
final class ProtobufEndpoint extends AbstractHandler implements AvaticaHandler {
  static final String PROTOCOL_VIOLATION = "08P01";

  private final Service service;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();
  private final ProtobufHandler protobuf;

  ProtobufEndpoint(Service service) {
    this.service = service;
    this.protobuf = new ProtobufHandler(service, translation, NoopMetricsSystem.getInstance());
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    base.setHandled(true);
    response.setContentType("application/octet-stream;charset=utf-8");
    if (!"POST".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "send Avatica requests with POST");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    try {
      translation.parseRequest(body);
    } catch (IOException | RuntimeException malformed) {
      answer(response, HttpServletResponse.SC_BAD_REQUEST, error("the request is not an Avatica protobuf request;"
          + " connect with the Tributary JDBC driver (jdbc:tributary://host:port)", PROTOCOL_VIOLATION, 0, null));
      return;
    }
    HandlerResponse<byte[]> answer = protobuf.apply(body);
    if (answer.getStatusCode() == HttpServletResponse.SC_OK) {
      answer(response, answer.getStatusCode(), answer.getResponse());
      return;
    }
    Service.Response failure = translation.parseResponse(answer.getResponse());
    if (failure instanceof Service.ErrorResponse e) {
      answer(response, answer.getStatusCode(), error(e.errorMessage, e.sqlState, e.errorCode, e.rpcMetadata));
    } else {
      answer(response, answer.getStatusCode(), answer.getResponse());
    }
  }

  private byte[] error(String message, String sqlState, int code, Service.RpcMetadataResponse server) throws IOException {
    return translation.serializeResponse(new Service.ErrorResponse(List.of(), message, code, sqlState,
        AvaticaSeverity.ERROR, server));
  }

  private static void answer(HttpServletResponse response, int status, byte[] body) throws IOException {
    response.setStatus(status);
    response.getOutputStream().write(body);
  }

  @Override
  public void setServerRpcMetadata(Service.RpcMetadataResponse metadata) {
    protobuf.setRpcMetadata(metadata);
    service.setRpcMetadata(metadata);
  }
}
