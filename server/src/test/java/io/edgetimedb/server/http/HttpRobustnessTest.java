package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Garbage, lost clients, wrong methods and paths: answered or shrugged off, and the port keeps working. */
class HttpRobustnessTest {
  private final Database db = Database.open(DatabaseConfig.defaults());
  private final HttpPort http = new HttpPort(db, HttpSettings.defaults().withIdleTimeoutMillis(2_000));

  @AfterEach
  void close() {
    http.close();
    db.close();
  }

  private void assertStillServing() {
    assertThat(http.post("/api/v2/write?precision=ms", "after v=1 1").statusCode()).isEqualTo(204);
    assertThat(http.rows("after")).isNotEmpty();
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void garbageInsteadOfHttpIsAnsweredWith400AndTheServerGoesOn() throws Exception {
    assertThat(http.post("/api/v2/write?precision=ms", "before v=1 1").statusCode()).isEqualTo(204);

    String binary = http.raw("\u0000\u0001GARBAGE \r\n\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(binary).startsWith("HTTP/1.1 400")
        .endsWith("{\"code\":\"invalid\",\"message\":\"malformed request: Illegal character CNTL=0x0\"}");
    String badHeader = http.raw("POST /write HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"
        .getBytes(StandardCharsets.ISO_8859_1));
    assertThat(badHeader).startsWith("HTTP/1.1 400").contains("{\"code\":\"invalid\",\"message\":\"malformed request: ");
    String badChunks = http.raw(("POST /write HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "zz\r\nm v=1 1\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    // Jetty reports broken chunk framing to the reader as an early end of the body and drops the connection
    assertThat(badChunks).doesNotContain("204");

    assertThat(http.rows("before")).hasSize(1);
    assertStillServing();
  }

  @Test
  void aClientThatDisconnectsMidBodyLeavesTheServerHealthyAndEarlierDataInPlace() throws Exception {
    assertThat(http.post("/api/v2/write?precision=ms", "before v=1 1").statusCode()).isEqualTo(204);

    try (Socket socket = new Socket("127.0.0.1", http.endpoint.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/v2/write?precision=ms HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"
          + "cut v=1 1\ncut v=2 2\ncut v=").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200);
    }

    Thread.sleep(200);
    assertThat(http.rows("before")).hasSize(1);
    assertStillServing();
  }

  @Test
  void aClientThatStallsMidBodyIsCutOffByTheIdleTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", http.endpoint.port())) {
      socket.getOutputStream().write(("POST /write HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nm v=1")
          .getBytes(StandardCharsets.US_ASCII));
      socket.setSoTimeout(10_000);
      long started = System.nanoTime();
      byte[] answer = socket.getInputStream().readAllBytes();
      assertThat((System.nanoTime() - started) / 1e9).isLessThan(9);
      assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotContain("204");
    }
    assertStillServing();
  }

  @Test
  void aWrongMethodIsAnsweredWith405AndTheAllowedOne() {
    HttpResponse<String> get = http.get("/api/v2/write");
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(get.body()).startsWith("{\"code\":\"method not allowed\"");

    HttpResponse<String> post = http.post("/health", "");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void anUnknownPathIsAnsweredWith404() {
    HttpResponse<String> answer = http.get("/api/v2/query");
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.body()).startsWith("{\"code\":\"not found\",\"message\":\"no endpoint at /api/v2/query");
  }
}
