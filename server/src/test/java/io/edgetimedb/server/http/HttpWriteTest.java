package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Line protocol over {@code POST /api/v2/write} and {@code POST /write}: what is written and what is answered. */
class HttpWriteTest {
  private Database db = Database.open(DatabaseConfig.defaults().withMaxValueLength(10));
  private HttpPort http = new HttpPort(db);

  @AfterEach
  void close() {
    http.close();
    db.close();
  }

  @Test
  void aGoodWriteIsAnsweredWithNoContentAfterThePointsAreReadable() {
    HttpResponse<String> answer = http.post("/api/v2/write?org=o&bucket=b&precision=ms",
        "boiler,site=A value=21.5 1000\nboiler,site=A value=22.5,state=\"on\" 2000\n");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(answer.body()).isEmpty();
    assertThat(http.rows("boiler")).containsExactly("site=A 1000 value=21.5", "site=A 2000 value=22.5 state=on");
  }

  @ParameterizedTest
  @CsvSource({
      "/api/v2/write, ns, 1500000000, 1500",
      "/api/v2/write, us, 1500000, 1500",
      "/api/v2/write, ms, 1500, 1500",
      "/api/v2/write, s, 2, 2000",
      "/api/v2/write, '', 1500000000, 1500",
      "/write, n, 1500000000, 1500",
      "/write, ns, 1500000000, 1500",
      "/write, u, 1500000, 1500",
      "/write, us, 1500000, 1500",
      "/write, ms, 1500, 1500",
      "/write, s, 2, 2000",
      "/write, m, 2, 120000",
      "/write, h, 2, 7200000",
  })
  void eachPrecisionOfEachDialectBecomesMilliseconds(String path, String precision, long written, long millis) {
    String query = precision.isEmpty() ? "" : "?db=x&precision=" + precision;
    HttpResponse<String> answer = http.post(path + query, "m v=1 " + written);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    assertThat(http.rows("m")).containsExactly(millis + " v=1.0");
  }

  @ParameterizedTest
  @CsvSource({"/api/v2/write, m", "/api/v2/write, n", "/api/v2/write, h", "/write, minutes", "/write, NS"})
  void anUnknownPrecisionIsRefusedNamingTheSpellings(String path, String precision) {
    HttpResponse<String> answer = http.post(path + "?precision=" + precision, "m v=1 1");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).startsWith("{\"code\":\"invalid\"").contains("unknown precision '" + precision + "'");
    assertThat(db.measurements()).isEmpty();
  }

  @Test
  void hoursAndMinutesKeepEveryValueTypeRefuseOverflowsAndLateLinesByLine() {
    long hour = 450_000;
    String body = String.join("\n",
        "m,s=a d=1.5,i=2i,b=true,t=\"x\" " + hour,
        "m,s=a d=2 " + Long.MAX_VALUE / 1000,
        "m,s=a d=3 " + (hour - 2),
        "m,s=a d=4 " + (hour + 1),
        "n v=1");
    long before = System.currentTimeMillis();
    HttpResponse<String> answer = http.post("/write?precision=h", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"errorCount\":2",
        "{\"line\":2,\"message\":\"timestamp out of range for precision h\"}",
        "{\"line\":3,\"message\":\"refused by the database: ");
    assertThat(http.rows("m")).containsExactly("s=a " + hour * 3_600_000 + " d=1.5 i=2 b=true t=x",
        "s=a " + (hour + 1) * 3_600_000 + " d=4.0");
    String untimed = http.rows("n").get(0);
    assertThat(Long.parseLong(untimed.substring(0, untimed.indexOf(' ')))).isGreaterThanOrEqualTo(before);
  }

  @Test
  void aLineWithoutTimestampTakesTheTimeTheRequestArrived() {
    long before = System.currentTimeMillis();
    assertThat(http.post("/api/v2/write", "m v=1").statusCode()).isEqualTo(204);
    long after = System.currentTimeMillis();

    String row = http.rows("m").get(0);
    long ts = Long.parseLong(row.substring(0, row.indexOf(' ')));
    assertThat(ts).isBetween(before, after);
  }

  @Test
  void aGzipBodyIsDecompressed() {
    byte[] body = HttpPort.gzip("m,s=a v=1i 1\nm,s=a v=2i 2\n".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = http.post("/api/v2/write?precision=ms", BodyPublishers.ofByteArray(body),
        "Content-Encoding", "gzip");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(http.rows("m")).containsExactly("s=a 1 v=1", "s=a 2 v=2");
  }

  @Test
  void anUnknownEncodingIsRefusedWith415() {
    HttpResponse<String> answer = http.post("/api/v2/write", "m v=1 1", "Content-Encoding", "br");

    assertThat(answer.statusCode()).isEqualTo(415);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    assertThat(answer.body()).isEqualTo("{\"code\":\"unsupported media type\",\"message\":\"Content-Encoding 'br' is"
        + " not supported (send gzip or identity)\"}");
  }

  @Test
  void aBodyThatIsNotGzipIsRefusedWith400() {
    HttpResponse<String> answer = http.post("/api/v2/write", "m v=1 1", "Content-Encoding", "gzip");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"code\":\"invalid\"").contains("not valid gzip");
  }

  @Test
  void aTruncatedGzipStreamIsRefusedWith400AndTheHeldBackLinesAreNotWritten() {
    byte[] whole = HttpPort.gzip("m v=1 1\nm v=2 2\n".getBytes(StandardCharsets.UTF_8));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 12);
    HttpResponse<String> answer = http.post("/api/v2/write", BodyPublishers.ofByteArray(cut),
        "Content-Encoding", "gzip");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("not valid gzip");
  }

  @Test
  void mixedLinesAnswer400NamingEveryBadLineAndColumnAndTheGoodLinesAreWritten() {
    String body = String.join("\n",
        "m,s=a v=1 1",
        "m,s=a v=abc 2",
        "",
        "# a comment",
        "m,s=a v=3 3",
        "m,s=a",
        "m,s=a v=5 5");
    HttpResponse<String> answer = http.post("/api/v2/write?precision=ms", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .startsWith("{\"code\":\"invalid\",\"message\":\"2 of 5 lines were not written; the other lines were (3 points)")
        .contains("\"errorCount\":2", "\"errorsOmitted\":0", "\"pointsWritten\":3")
        .contains("{\"line\":2,\"column\":9,\"message\":\"invalid float 'abc' for field 'v'\"}")
        .contains("{\"line\":6,\"column\":");
    assertThat(http.rows("m")).containsExactly("s=a 1 v=1.0", "s=a 3 v=3.0", "s=a 5 v=5.0");
  }

  @Test
  void refusalsByTheDatabaseAreReportedByLineWithoutColumn() {
    String body = String.join("\n",
        "m,s=a v=1 10000000",
        "# the value is longer than the database's 10 characters",
        "m,s=a t=\"0123456789ABC\" 10000001",
        "m,s=a v=2 10000002",
        "m,s=a v=3 1",
        "m,s=a v=oops 10000003");
    HttpResponse<String> answer = http.post("/api/v2/write?precision=ms", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body())
        .contains("\"errorCount\":3")
        .contains("{\"line\":3,\"message\":\"refused by the database: ")
        .contains("{\"line\":5,\"message\":\"refused by the database: ")
        .contains("{\"line\":6,\"column\":");
    assertThat(answer.body().indexOf("\"line\":3")).isLessThan(answer.body().indexOf("\"line\":5"));
    assertThat(http.rows("m")).containsExactly("s=a 10000000 v=1.0", "s=a 10000002 v=2.0");
  }

  @Test
  void linesAreNumberedAcrossPiecesAndTheListIsCapped() {
    http.close();
    http = new HttpPort(db, HttpSettings.defaults().withLinesPerBatch(3).withMaxErrorsReported(2));
    StringBuilder body = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      body.append(i % 4 == 0 ? "m v=bad " : "m v=1 ").append(i).append('\n');
    }
    body.append("m t=\"much too long a value\" 11\n");
    HttpResponse<String> answer = http.post("/api/v2/write?precision=ms", body.toString());

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("\"errorCount\":3", "\"errorsOmitted\":1", "{\"line\":4,", "{\"line\":8,")
        .doesNotContain("\"line\":11");
    assertThat(http.rows("m")).hasSize(8);
  }

  @Test
  void theErrorAnswerIsJsonEvenForLinesFullOfQuotesAndControlCharacters() throws Exception {
    String body = "m,s=a v=\"open\nm,s\\=\"b\u0001 v=tru\nm,s=a v=1 1\n";
    HttpResponse<String> answer = http.post("/write?precision=ms", body);

    assertThat(answer.statusCode()).isEqualTo(400);
    com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(answer.body());
    assertThat(json.get("errorCount").asInt()).isEqualTo(2);
    assertThat(json.get("errors").get(0).get("line").asInt()).isEqualTo(1);
    assertThat(json.get("errors").get(1).get("line").asInt()).isEqualTo(2);
    assertThat(json.get("pointsWritten").asInt()).isEqualTo(1);
  }

  @Test
  void concurrentWritersAllLand() throws Exception {
    int writers = 6;
    int requests = 20;
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<Integer> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> {
        for (int r = 0; r < requests; r++) {
          StringBuilder body = new StringBuilder();
          for (int i = 0; i < 50; i++) {
            body.append("c,w=").append(writer).append(" v=").append(i).append("i ").append(r * 50 + i).append('\n');
          }
          statuses.add(http.post(writer % 2 == 0 ? "/write?precision=ms" : "/api/v2/write?precision=ms",
              body.toString()).statusCode());
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(statuses).hasSize(writers * requests).containsOnly(204);
    assertThat(http.rows("c")).hasSize(writers * requests * 50);
  }

  @Test
  void anAuthorizationHeaderIsIgnoredAndHeadAnswersLikeGet() {
    assertThat(http.post("/api/v2/write?org=o&bucket=b&precision=s", "m v=1 1", "Authorization", "Token secret")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> head = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/health"))
        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void anEmptyBodyWritesNothingAndIsAnsweredWithNoContent() {
    assertThat(http.post("/api/v2/write", "").statusCode()).isEqualTo(204);
    assertThat(http.post("/write", "\n# only a comment\n").statusCode()).isEqualTo(204);
    assertThat(db.measurements()).isEmpty();
  }

  @Test
  void aFormEncodedContentTypeDoesNotSwallowTheBody() {
    // curl --data-binary declares this type unless told otherwise
    HttpResponse<String> answer = http.post("/write?precision=s", "m v=1 1",
        "Content-Type", "application/x-www-form-urlencoded");

    assertThat(answer.statusCode()).isEqualTo(204);
    assertThat(http.rows("m")).containsExactly("1000 v=1.0");
  }

  @Test
  void aCrlfBodyIsAccepted() {
    assertThat(http.post("/write?precision=ms", "m v=1 1\r\nm v=2 2\r\n").statusCode()).isEqualTo(204);
    assertThat(http.rows("m")).containsExactly("1 v=1.0", "2 v=2.0");
  }
}
