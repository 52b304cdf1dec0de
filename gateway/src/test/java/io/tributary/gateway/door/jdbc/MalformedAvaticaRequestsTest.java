package io.tributary.gateway.door.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.FederatedMesh;
import io.tributary.gateway.Rows;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests no Avatica driver sends, straight to the JDBC door's HTTP port: each is answered at
 * once with an error the sender can read (an Avatica ErrorResponse, or an HTTP client error), never
 * with success and never with silence, and the door goes on serving real clients. A body that is
 * no Avatica request is a bad request (400, SQLSTATE 08P01); a well-formed request the gateway
 * refuses keeps Avatica's 500 with an ErrorResponse, which is what its drivers read.
 */
class MalformedAvaticaRequestsTest {
  private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);
  private static final ProtobufTranslation PROTOBUF = new ProtobufTranslationImpl();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(ANSWERED_WITHIN).build();

  @AfterEach
  void theDoorStillServesRealClients() throws Exception {
    try (Connection c = FederatedMesh.get().connect()) {
      assertEquals(List.of("2000"), Rows.of(c, "SELECT count(*) FROM customers.customers"));
    }
  }

  @Test
  void garbageBytesAreABadRequest() throws Exception {
    byte[] garbage = new byte[4_096];
    new Random(42).nextBytes(garbage);

    assertMalformed(post(garbage, "application/octet-stream"));
  }

  @Test
  void aTruncatedRequestIsABadRequest() throws Exception {
    byte[] request = PROTOBUF.serializeRequest(new Service.PrepareAndExecuteRequest(UUID.randomUUID().toString(), 1,
        "SELECT name FROM customers.customers WHERE id = 1", -1));

    assertMalformed(post(Arrays.copyOf(request, request.length / 2), "application/octet-stream"));
  }

  @Test
  void jsonWhereProtobufIsExpectedIsABadRequest() throws Exception {
    String json = "{\"request\": \"openConnection\", \"connectionId\": \"" + UUID.randomUUID() + "\"}";

    assertMalformed(post(json.getBytes(StandardCharsets.UTF_8), "application/json"));
  }

  @Test
  void anEmptyBodyIsABadRequest() throws Exception {
    assertMalformed(post(new byte[0], "application/octet-stream"));
  }

  @Test
  void aRequestNamingAClassThatIsNoRequestIsRefusedWithoutRunningIt() throws Exception {
    // A wire message names the request's class; the door must not look up any class a sender names.
    byte[] named = org.apache.calcite.avatica.proto.Common.WireMessage.newBuilder()
        .setName("java.lang.ProcessBuilder")
        .setWrappedMessage(com.google.protobuf.ByteString.copyFromUtf8("touch /tmp/tributary-pwned"))
        .build().toByteArray();

    assertMalformed(post(named, "application/octet-stream"));
    assertFalse(new java.io.File("/tmp/tributary-pwned").exists());
  }

  @Test
  void aHugeBodyIsABadRequestAndTheDoorStaysUp() throws Exception {
    byte[] huge = new byte[32 << 20];
    Arrays.fill(huge, (byte) 0x7f);

    assertMalformed(post(huge, "application/octet-stream"));
  }

  @Test
  void aStatementOnAConnectionThatDoesNotExistSaysTheConnectionIsClosed() throws Exception {
    String connection = "no-such-" + UUID.randomUUID();
    byte[] request = PROTOBUF.serializeRequest(new Service.CreateStatementRequest(connection));

    Service.ErrorResponse error = assertRefused(post(request, "application/octet-stream"));

    assertEquals("08003", error.sqlState, error.errorMessage);
    assertTrue(error.errorMessage.contains("connection " + connection + " is closed"), error.errorMessage);
  }

  @Test
  void aFetchForAStatementThatDoesNotExistIsAnsweredAsMissingSoTheDriverPreparesAgain() throws Exception {
    String connection = UUID.randomUUID().toString();
    Service.Response opened = PROTOBUF.parseResponse(post(PROTOBUF.serializeRequest(
        new Service.OpenConnectionRequest(connection, Map.of())), "application/octet-stream").body());
    assertInstanceOf(Service.OpenConnectionResponse.class, opened, "a real connection is opened for the test");
    try {
      byte[] fetch = PROTOBUF.serializeRequest(new Service.FetchRequest(connection, 424_242, 0, 100));

      HttpResponse<byte[]> answer = post(fetch, "application/octet-stream");

      // Avatica's own answer to a statement the server lost: not rows, and no error either.
      Service.FetchResponse missing = assertInstanceOf(Service.FetchResponse.class, PROTOBUF.parseResponse(answer.body()));
      assertTrue(missing.missingStatement, "the statement is reported missing");
      assertTrue(missing.frame == null || !missing.frame.rows.iterator().hasNext(), "and no rows come with it");
    } finally {
      post(PROTOBUF.serializeRequest(new Service.CloseConnectionRequest(connection)), "application/octet-stream");
    }
  }

  @Test
  void aCancelWithoutAStatementNumberIsABadRequest() throws Exception {
    HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(door("/tributary/cancel?connection=x&statement=first"))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertEquals(400, answer.statusCode());
  }

  /** A body that is no Avatica request is the client's mistake: 400, protocol violation, and what to do. */
  private static void assertMalformed(HttpResponse<byte[]> answer) throws IOException {
    Service.ErrorResponse error = assertRefused(answer);
    assertEquals(400, answer.statusCode(), error.errorMessage);
    assertEquals("08P01", error.sqlState, error.errorMessage);
    assertTrue(error.errorMessage.contains("Tributary JDBC driver"), error.errorMessage);
  }

  /**
   * The answer is an Avatica error a person can read: a short message naming no Java class, and
   * none of the server's stack traces, which say how the gateway is built, not what to do.
   */
  private static Service.ErrorResponse assertRefused(HttpResponse<byte[]> answer) throws IOException {
    assertTrue(answer.statusCode() >= 400, "refused, not served: HTTP " + answer.statusCode());
    Service.Response response = PROTOBUF.parseResponse(answer.body());
    Service.ErrorResponse error = assertInstanceOf(Service.ErrorResponse.class, response,
        "HTTP " + answer.statusCode() + " carries an Avatica error");
    assertTrue(error.errorMessage != null && error.errorMessage.length() < 600 && !error.errorMessage.contains("Exception"),
        "a message a person reads: " + error.errorMessage);
    assertEquals(List.of(), error.exceptions, "no server stack trace");
    return error;
  }

  private static HttpResponse<byte[]> post(byte[] body, String contentType) throws Exception {
    return send(HttpRequest.newBuilder(door("/")).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(ANSWERED_WITHIN).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static URI door(String path) throws Exception {
    return URI.create("http://127.0.0.1:" + FederatedMesh.get().gateway().jdbcPort() + path);
  }
}
