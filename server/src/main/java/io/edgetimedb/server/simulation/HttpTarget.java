package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.http.WriteClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line protocol POSTed to {@code /api/v2/write?precision=ms}, the InfluxDB 2 write path the
 * server's HTTP port (and InfluxDB, and Telegraf's listener) take, in bodies of up to
 * {@code batchLines} lines, through a {@link WriteClient}. A 204 delivers the whole body; a
 * 400 delivers the lines the server says it wrote ({@code pointsWritten} in its JSON answer)
 * and loses the rest; any other status, a timeout or a broken connection loses the body.
 * Requests are sent one at a time on one keep-alive connection.
 */
final class HttpTarget implements SimulationTarget {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern POINTS_WRITTEN = Pattern.compile("\"pointsWritten\"\\s*:\\s*(\\d+)");

  private final WriteClient client;
  private final int batchLines;
  private final DeliveryCounts counts;
  private final LineProtocolWriter writer = new LineProtocolWriter(Precision.MILLISECONDS);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
  private int lines;
  private long firstLineNanos;

  private HttpTarget(TargetAddress address, int batchLines, DeliveryCounts counts) {
    this.client = new WriteClient("http://" + address.host() + ":" + address.port(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    this.batchLines = batchLines;
    this.counts = counts;
  }

  /** Checks that the port accepts connections, so a wrong address fails before the run starts. */
  static HttpTarget open(TargetAddress address, TargetOptions options, DeliveryCounts counts) throws IOException {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(address.host(), address.port()), (int) CONNECT_TIMEOUT.toMillis());
    }
    return new HttpTarget(address, options.batchLines(), counts);
  }

  @Override
  public void send(PointBatch points) {
    for (int p = 0; p < points.size(); p++) {
      if (lines == 0) {
        firstLineNanos = System.nanoTime();
      }
      writer.write(points, p, body);
      if (++lines == batchLines) {
        post();
      }
    }
    if (lines > 0 && System.nanoTime() - firstLineNanos >= MAX_HOLD_NANOS) {
      post();
    }
  }

  @Override
  public void flush() {
    if (lines > 0) {
      post();
    }
  }

  private void post() {
    int sent = lines;
    byte[] content = body.toByteArray();
    body.reset();
    lines = 0;
    try {
      HttpResponse<String> response = client.post(content);
      outcome(response.statusCode(), response.body(), sent);
    } catch (IOException e) {
      counts.failed("connection failure", e.toString(), sent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      counts.failed("interrupted", "the run was interrupted while a request was under way", sent);
    }
  }

  private void outcome(int status, String answer, int sent) {
    if (status == 204) {
      counts.delivered(sent);
      return;
    }
    long written = 0;
    if (status == 400) {
      Matcher m = POINTS_WRITTEN.matcher(answer);
      written = m.find() ? Math.min(sent, Long.parseLong(m.group(1))) : 0;
      if (written > 0) {
        counts.delivered(written);
      }
    }
    counts.failed("HTTP " + status, firstLine(answer), sent - written);
  }

  private static String firstLine(String answer) {
    String line = answer.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  @Override
  public void close() {
    flush();
  }

  @Override
  public String toString() {
    return client.writeUri().toString();
  }
}
