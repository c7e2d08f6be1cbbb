package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The body limit, on the wire and after decompression, whether or not the length is declared. */
class HttpLimitsTest {
  private static final int LIMIT = 1_000;

  private final Database db = Database.open(DatabaseConfig.defaults());
  private final HttpPort http = new HttpPort(db, HttpSettings.defaults().withMaxBodyBytes(LIMIT).withLinesPerBatch(7));

  @AfterEach
  void close() {
    http.close();
    db.close();
  }

  /** Lines "m v=1 <i>" filling exactly {@code bytes} bytes, the last line padded with blanks. */
  private static byte[] body(int bytes) {
    StringBuilder body = new StringBuilder();
    int i = 0;
    while (body.length() + 20 < bytes) {
      body.append("m v=1 ").append(1_000_000 + i++).append('\n');
    }
    body.append("m v=2 1");
    while (body.length() < bytes) {
      body.append(' ');
    }
    return body.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aDeclaredLengthAtTheLimitIsAcceptedAndOneByteMoreRefusedBeforeAnythingIsWritten() {
    HttpResponse<String> atLimit = http.post("/api/v2/write?precision=ms", BodyPublishers.ofByteArray(body(LIMIT)));
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(204);
    int written = http.rows("m").size();

    HttpResponse<String> over = http.post("/api/v2/write?precision=ms",
        BodyPublishers.ofByteArray(body(LIMIT + 1)));
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(over.body()).isEqualTo("{\"code\":\"request too large\",\"message\":\"body of 1001 bytes larger than"
        + " the limit of 1000 bytes\"}");
    assertThat(http.rows("m")).hasSize(written);
  }

  @Test
  void aClientExpectingContinueIsRefusedBeforeItSendsTheBody() throws Exception {
    // raw socket: java.net.http of JDK 17 waits forever when the answer to Expect is not 100
    String answer = http.raw(("POST /write HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
        + (LIMIT + 1) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
  }

  @Test
  void aChunkedBodyIsCountedAsItArrives() {
    HttpResponse<String> atLimit = http.postChunked("/api/v2/write?precision=ms", body(LIMIT));
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(204);

    HttpResponse<String> over = http.postChunked("/api/v2/write?precision=ms", body(LIMIT + 1));
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(over.body()).contains("body larger than the limit of 1000 bytes");
  }

  @Test
  void aGzipBodyIsLimitedAfterDecompressionToo() {
    byte[] plain = body(LIMIT);
    HttpResponse<String> atLimit = http.post("/api/v2/write?precision=ms",
        BodyPublishers.ofByteArray(HttpPort.gzip(plain)), "Content-Encoding", "gzip");
    assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(204);

    byte[] bomb = HttpPort.gzip("m v=1 1\n".repeat(50 * LIMIT).getBytes(StandardCharsets.US_ASCII));
    assertThat(bomb.length).isLessThan(LIMIT);
    HttpResponse<String> over = http.post("/api/v2/write?precision=ms", BodyPublishers.ofByteArray(bomb),
        "Content-Encoding", "gzip");
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(over.body()).contains("decompressed body larger than the limit of 1000 bytes");
  }

  @Test
  void aLineLongerThanTheBufferIsStillParsedWhole() {
    http.close();
    try (HttpPort big = new HttpPort(db, HttpSettings.defaults())) {
      String text = "x".repeat(900_000);
      String body = "long v=0 1\nlong t=\"" + text + "\" 2\nlong v=3 3\n";

      HttpResponse<String> answer = big.post("/write?precision=ms", body);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
      assertThat(big.rows("long")).hasSize(3).element(1).asString().endsWith(text);
    }
  }
}
