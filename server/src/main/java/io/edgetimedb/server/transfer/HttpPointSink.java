package io.edgetimedb.server.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.http.WriteClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports into a running server: each batch is sent as one line-protocol request to the
 * server's {@code POST /api/v2/write?precision=ms} (docs/http-api.md), so the server's data
 * directory stays in its hands. A 204 means every point is stored; a 400 lists the refused lines
 * (one line per point, in batch order, so line n is the batch's n-th written point) and the
 * server keeps the others. The server lists at most {@code http.max-errors-reported} lines; the
 * rest of its refusals are only counted, and the importer reports them as such.
 */
public final class HttpPointSink implements PointSink {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WriteClient client;
  private final URI writeUri;
  private final LineProtocolWriter writer = new LineProtocolWriter(Precision.MILLISECONDS);

  /** @param serverUrl the server's HTTP port, such as {@code http://127.0.0.1:8086} */
  public HttpPointSink(String serverUrl) {
    try {
      this.client = new WriteClient(serverUrl, Duration.ofSeconds(10), Duration.ofMinutes(1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url must be the server's HTTP address (http://host:8086), was '"
          + serverUrl + "'", e);
    }
    this.writeUri = client.writeUri();
  }

  @Override
  public WriteResult write(PointBatch batch) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 96);
    int[] pointOfLine = new int[batch.size()];
    int lines = 0;
    List<RejectedPoint> rejected = new ArrayList<>();
    for (int p = 0; p < batch.size(); p++) {
      try {
        writer.write(batch, p, body);
        pointOfLine[lines++] = p;
      } catch (IllegalArgumentException e) {
        rejected.add(new RejectedPoint(p, e.getMessage()));
      }
    }
    if (lines == 0) {
      return new WriteResult(0, rejected);
    }
    HttpResponse<String> response = post(body.toByteArray());
    return switch (response.statusCode()) {
      case 204 -> new WriteResult(lines, rejected);
      case 400 -> partlyWritten(response.body(), pointOfLine, rejected);
      default -> throw new UncheckedIOException(new IOException(writeUri + " answered " + response.statusCode()
          + (response.statusCode() == 413 ? " (request of " + body.size() + " bytes larger than the server's "
              + "http.max-body-size)" : "") + ": " + response.body()));
    };
  }

  private HttpResponse<String> post(byte[] body) {
    try {
      return client.post(body);
    } catch (ConnectException e) {
      throw new UncheckedIOException(new IOException("no server answers at " + writeUri + " (is it running?)", e));
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("sending to " + writeUri + " failed: " + e, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while sending to " + writeUri, e));
    }
  }

  private static WriteResult partlyWritten(String answer, int[] pointOfLine, List<RejectedPoint> rejected) {
    try {
      JsonNode report = JSON.readTree(answer);
      for (JsonNode error : report.path("errors")) {
        rejected.add(new RejectedPoint(pointOfLine[error.path("line").asInt() - 1], error.path("message").asText()));
      }
      return new WriteResult(report.path("pointsWritten").asInt(), rejected);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(new IOException("unreadable 400 answer from the server: " + answer, e));
    }
  }
}
