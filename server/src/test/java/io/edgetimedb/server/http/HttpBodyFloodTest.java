package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.ChildJvm;
import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported flood: 16 parallel 32 MiB single-line bodies against a server with a small heap
 * answered {@code 500 java.lang.OutOfMemoryError}. Now each is refused by name (line too long,
 * or 503 when the bodies in flight are at their bound) and the server keeps serving. The
 * default run sends 4 MiB bodies to a 64 MiB heap (the old buffer doubled to 8 MiB per request,
 * 128 MiB in all); {@code -Plong} the reported 32 MiB to a 96 MiB heap.
 */
class HttpBodyFloodTest {
  private static final boolean LONG = Boolean.getBoolean("edgetimedb.long");
  private static final int BODIES = 16;
  private static final int BODY_BYTES = LONG ? 32 << 20 : 4 << 20;
  private static final String HEAP = LONG ? "-Xmx96m" : "-Xmx64m";

  @TempDir
  Path dir;

  @Test
  void sixteenParallelHugeSingleLineBodiesAreRefusedByNameAndTheServerStaysUp() throws Exception {
    Path log = dir.resolve("server.log");
    Process server = ChildJvm.start(log, List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"),
        EdgeTimeDbCommand.class.getName(), "server", "--data", dir.resolve("data").toString(), "--http-port", "0",
        "--avatica-port", "0", "--tcp-port", "0");
    ExecutorService senders = Executors.newFixedThreadPool(BODIES);
    try {
      Matcher port = Pattern.compile("http=\\S+:(\\d+)").matcher(ChildJvm.awaitLine(server, log, "ready "));
      assertThat(port.find()).isTrue();
      URI write = URI.create("http://127.0.0.1:" + port.group(1) + "/api/v2/write?precision=ms");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < BODIES; i++) {
        answers.add(senders.submit(() -> client.send(HttpRequest.newBuilder(write).timeout(Duration.ofSeconds(120))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> oneLine(BODY_BYTES))).build(),
            HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response;
        try {
          response = answer.get(180, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new AssertionError("no answer; server log:\n" + Files.readString(log), e);
        }
        assertThat(response.statusCode()).as(response.body()).isIn(400, 503);
        assertThat(response.body()).containsAnyOf("http.max-line-length", "http.max-inflight-bytes");
      }
      HttpResponse<String> written = client.send(HttpRequest.newBuilder(write)
          .POST(HttpRequest.BodyPublishers.ofString("m,site=A v=1 1\n")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(written.statusCode()).as("server log:%n%s", Files.readString(log)).isEqualTo(204);
      assertThat(server.isAlive()).isTrue();
    } finally {
      senders.shutdownNow();
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }

  /** {@code m,site=A v="xxx...x"} of {@code bytes} bytes without a line end, generated as it is read. */
  private static InputStream oneLine(int bytes) {
    byte[] head = "m,site=A v=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return new InputStream() {
      private int position;

      @Override
      public int read() {
        if (position == bytes) {
          return -1;
        }
        int b = position < head.length ? head[position] : position == bytes - 1 ? '"' : 'x';
        position++;
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (position == bytes) {
          return -1;
        }
        int n = Math.min(len, bytes - position);
        for (int i = 0; i < n; i++) {
          buf[off + i] = (byte) read();
        }
        return n;
      }
    };
  }
}
