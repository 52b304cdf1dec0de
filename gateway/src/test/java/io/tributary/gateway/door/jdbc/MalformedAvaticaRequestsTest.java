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
 * with success and never with silence, and the door goes on serving real clients. Avatica's
 * protocol sends its ErrorResponse with HTTP status 500 whatever the cause, so a 500 counts as an
 * answer only when its body is such a response.
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
  void garbageBytesAreAnsweredWithAnError() throws Exception {
    byte[] garbage = new byte[4_096];
    new Random(42).nextBytes(garbage);

    assertRefused(post(garbage, "application/octet-stream"));
  }

  @Test
  void aTruncatedRequestIsAnsweredWithAnError() throws Exception {
    byte[] request = PROTOBUF.serializeRequest(new Service.PrepareAndExecuteRequest(UUID.randomUUID().toString(), 1,
        "SELECT name FROM customers.customers WHERE id = 1", -1));

    assertRefused(post(Arrays.copyOf(request, request.length / 2), "application/octet-stream"));
  }

  @Test
  void jsonWhereProtobufIsExpectedIsAnsweredWithAnError() throws Exception {
    String json = "{\"request\": \"openConnection\", \"connectionId\": \"" + UUID.randomUUID() + "\"}";

    assertRefused(post(json.getBytes(StandardCharsets.UTF_8), "application/json"));
  }

  @Test
  void anEmptyBodyIsAnsweredWithAnError() throws Exception {
    assertRefused(post(new byte[0], "application/octet-stream"));
  }

  @Test
  void aRequestNamingAClassThatIsNoRequestIsRefusedWithoutRunningIt() throws Exception {
    // A wire message names the request's class; the door must not look up any class a sender names.
    byte[] named = org.apache.calcite.avatica.proto.Common.WireMessage.newBuilder()
        .setName("java.lang.ProcessBuilder")
        .setWrappedMessage(com.google.protobuf.ByteString.copyFromUtf8("touch /tmp/tributary-pwned"))
        .build().toByteArray();

    assertRefused(post(named, "application/octet-stream"));
    assertFalse(new java.io.File("/tmp/tributary-pwned").exists());
  }

  @Test
  void aHugeBodyIsAnsweredAndTheDoorStaysUp() throws Exception {
    byte[] huge = new byte[32 << 20];
    Arrays.fill(huge, (byte) 0x7f);

    assertRefused(post(huge, "application/octet-stream"));
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

  /** The answer is an error a client can read: an Avatica ErrorResponse, or an HTTP client error. */
  private static Service.ErrorResponse assertRefused(HttpResponse<byte[]> answer) throws IOException {
    assertTrue(answer.statusCode() >= 400, "refused, not served: HTTP " + answer.statusCode());
    Service.Response response = PROTOBUF.parseResponse(answer.body());
    Service.ErrorResponse error = assertInstanceOf(Service.ErrorResponse.class, response,
        "HTTP " + answer.statusCode() + " carries an Avatica error");
    assertTrue(error.errorMessage != null && error.errorMessage.length() < 1_000,
        "a message of reasonable size: " + error.errorMessage);
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
