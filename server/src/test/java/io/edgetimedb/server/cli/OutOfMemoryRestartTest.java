package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reported zombie: a series flood (one new tag value per point) took the heap, after which
 * the server answered nothing, ignored SIGTERM and could not restart with the same heap. Run as
 * the README says (-XX:+ExitOnOutOfMemoryError) with a small heap and the series limit lifted,
 * the server now exits on its own, and a restart with the same heap recovers every
 * acknowledged point and stops cleanly on SIGTERM.
 */
class OutOfMemoryRestartTest {
  private static final List<String> JVM = List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError");
  private static final int LINES_PER_REQUEST = 2_000;

  @TempDir
  Path dir;

  @Test
  void aServerOutOfMemoryExitsAndARestartWithTheSameHeapRecoversWhatWasAcknowledged() throws Exception {
    Path config = dir.resolve("edgetimedb.conf");
    Files.writeString(config, "ingest.max-series = 2000000000\ncheckpoint.interval = 0ms\n");
    Path log = dir.resolve("first.log");
    Process first = start(log, config);
    long acknowledged = 0;
    try {
      URI write = uri(ChildJvm.awaitLine(first, log, "ready "), "/api/v2/write?precision=ms");
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (first.isAlive() && System.nanoTime() < deadline) {
        if (post(client, write, acknowledged)) {
          acknowledged += LINES_PER_REQUEST;
        }
      }
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("exited after %d series", acknowledged).isTrue();
    } finally {
      first.destroyForcibly();
    }
    assertThat(first.exitValue()).isNotZero();
    assertThat(Files.readString(log)).contains("java.lang.OutOfMemoryError");
    System.out.printf("out of memory after %,d acknowledged series in a 64 MiB heap%n", acknowledged);

    Path restartLog = dir.resolve("restart.log");
    Process restarted = start(restartLog, config);
    try {
      String ready = ChildJvm.awaitLine(restarted, restartLog, "ready ");
      HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(ready, "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString());
      Matcher series = Pattern.compile("edgetimedb_measurement_series\\{measurement=\"flood\"} (\\S+)")
          .matcher(metrics.body());
      assertThat(series.find()).as(metrics.body()).isTrue();
      assertThat(Double.parseDouble(series.group(1))).isGreaterThanOrEqualTo(acknowledged);
      restarted.destroy();
      assertThat(restarted.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(restarted.exitValue()).as("output:%n%s", Files.readString(restartLog)).isZero();
    } finally {
      restarted.destroyForcibly();
    }
  }

  private Process start(Path log, Path config) throws IOException {
    return ChildJvm.start(log, JVM, EdgeTimeDbCommand.class.getName(), "server", "--data",
        dir.resolve("data").toString(), "--config", config.toString(), "--http-port", "0", "--avatica-port", "0",
        "--tcp-port", "0");
  }

  /** Writes one request of points, each a new series; true when it was acknowledged (204). */
  private static boolean post(HttpClient client, URI write, long first) throws InterruptedException {
    StringBuilder body = new StringBuilder();
    for (long i = first; i < first + LINES_PER_REQUEST; i++) {
      body.append("flood,sensor=s").append(i).append(" value=").append(i).append(' ').append(1_700_000_000_000L + i)
          .append('\n');
    }
    try {
      return client.send(HttpRequest.newBuilder(write).timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode() == 204;
    } catch (IOException serverGone) {
      return false;
    }
  }

  private static URI uri(String readyLine, String path) {
    Matcher port = Pattern.compile("http=\\S+:(\\d+)").matcher(readyLine);
    assertThat(port.find()).as(readyLine).isTrue();
    return URI.create("http://127.0.0.1:" + port.group(1) + path);
  }
}
