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

/**
 * What bounds a write request's memory: the line length (a longer line is skipped and named,
 * the others written), the bytes of bodies all requests hold together (503 with Retry-After
 * beyond), and the engine's field limit, reported by line like any refusal.
 */
class HttpMemoryBoundsTest {
  /** One request's buffer (LinePieces' initial 512 KiB) fits, a second one does not. */
  private static final long BUDGET = (512 << 10) + 1_000;

  private final Database db = Database.open(DatabaseConfig.defaults());
  private final HttpPort http = new HttpPort(db, HttpSettings.defaults().withMaxLineBytes(100)
      .withMaxInflightBytes(BUDGET));

  @AfterEach
  void close() {
    http.close();
    db.close();
  }

  @Test
  void aLineAtTheLengthLimitIsWrittenAndALongerOneIsSkippedAndNamed() {
    String atLimit = line("m,site=A v=", 2, 100);
    String over = line("m,site=A v=", 3, 101);
    assertThat(atLimit).hasSize(100);

    HttpResponse<String> answer = http.post("/api/v2/write?precision=ms",
        "m,site=A v=1 1\n" + atLimit + "\n" + over + "\nm,site=A v=4 4\n");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"line\":3").contains("line longer than http.max-line-length = 100 bytes; "
        + "skipped").doesNotContain("\"line\":2");
    assertThat(http.rows("m")).containsExactly("site=A 1 v=1.0", "site=A 2 v=2.0", "site=A 4 v=4.0");
    assertThat(http.metrics.scrape()).contains("edgetimedb_lines_refused_total{reason=\"too-long\"} 1.0");
  }

  @Test
  void aWriteBeyondTheInflightBudgetIsRefusedWith503AndRetryAfterAndTheNextOneIsServed() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", http.endpoint.port())) {
      OutputStream out = slow.getOutputStream();
      byte[] first = "m,site=A v=1 1\n".getBytes(StandardCharsets.US_ASCII);
      out.write(("POST /api/v2/write?precision=ms HTTP/1.1\r\nHost: x\r\nContent-Length: " + (first.length + 15)
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(first);
      out.flush();
      awaitInflightBytes();

      HttpResponse<String> refused = http.post("/api/v2/write?precision=ms", "m,site=B v=2 2\n");

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).startsWith("{\"code\":\"unavailable\",\"message\":\"the server holds 524288 bytes of "
          + "request bodies, and 524288 more would exceed http.max-inflight-bytes = 525288; retry shortly\"}")
          .doesNotContain("\n");
      assertThat(http.metrics.scrape()).contains("edgetimedb_http_inflight_refusals_total 1.0");

      out.write("m,site=A v=3 3\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] status = new byte[12];
      assertThat(slow.getInputStream().readNBytes(status, 0, 12)).isEqualTo(12);
      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 204");
    }
    assertThat(http.post("/api/v2/write?precision=ms", "m,site=B v=2 2\n").statusCode()).isEqualTo(204);
    assertThat(http.rows("m")).containsExactly("site=A 1 v=1.0", "site=A 3 v=3.0", "site=B 2 v=2.0");
  }

  @Test
  void aLineWithTheMostFieldsIsWrittenAndOneMoreIsRefusedByLine() {
    HttpPort wide = new HttpPort(db, HttpSettings.defaults());
    try {
      HttpResponse<String> answer = wide.post("/api/v2/write?precision=ms",
          fields("a", 1_024) + "\n" + fields("b", 1_025) + "\n");

      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).contains("\"line\":2").contains("point has 1,025 fields, more than "
          + "ingest.max-fields = 1,024");
      assertThat(db.fields("a")).hasSize(1_024);
      assertThat(db.measurements()).doesNotContain("b");
      assertThat(wide.metrics.scrape()).contains("edgetimedb_points_refused_limit_total 1.0");
    } finally {
      wide.close();
    }
  }

  /** Waits until the slow request holds its buffer. */
  private void awaitInflightBytes() throws InterruptedException {
    for (int i = 0; i < 500 && !http.metrics.scrape().contains("edgetimedb_http_inflight_bytes 524288.0"); i++) {
      Thread.sleep(10);
    }
    assertThat(http.metrics.scrape()).contains("edgetimedb_http_inflight_bytes 524288.0");
  }

  /** {@code prefix + value + " " + ts}, the value padded with leading zeros to make the line {@code length} bytes. */
  private static String line(String prefix, int ts, int length) {
    int digits = length - prefix.length() - 1 - Integer.toString(ts).length();
    String value = "0".repeat(digits - 1) + ts;
    return prefix + value + " " + ts;
  }

  private static String fields(String measurement, int count) {
    StringBuilder line = new StringBuilder(measurement).append(",site=A ");
    for (int f = 0; f < count; f++) {
      line.append(f == 0 ? "" : ",").append('f').append(f).append('=').append(f).append('i');
    }
    return line.append(" 1").toString();
  }
}
