package io.edgetimedb.bench.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The plant that must not notice the attack: one client writing line protocol to {@code POST
 * /api/v2/write} as fast as it is acknowledged, and remembering exactly which batches were
 * acknowledged (204), so that every one of them can be looked for at the end.
 *
 * <p>Batch {@code b} holds {@code pointsPerSensor} points of each of {@code sensors} sensors in
 * measurement {@value #MEASUREMENT}: sensor {@code s}'s {@code k}-th point is {@code
 * feed,sensor=s<s> value=<(b * sensors + s) * pointsPerSensor + k>,batch=<b>i <t0 + b *
 * pointsPerSensor + k>} (milliseconds). Every point's value is distinct and no two batches share
 * a timestamp of a series, so the count and the sum of {@code value} per {@code batch} say
 * whether a batch is there whole.
 */
final class SteadyFeed implements Runnable {
  static final String MEASUREMENT = "feed";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ServerProcess server;
  private final int sensors;
  private final int pointsPerSensor;
  private final long t0;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final BitSet acknowledged = new BitSet();
  private final AtomicLong pointsAcknowledged = new AtomicLong();
  private final Map<String, Long> failures = new TreeMap<>();
  private volatile boolean stopping;
  private int nextBatch;

  SteadyFeed(ServerProcess server, int sensors, int pointsPerSensor, long t0) {
    this.server = server;
    this.sensors = sensors;
    this.pointsPerSensor = pointsPerSensor;
    this.t0 = t0;
  }

  @Override
  public void run() {
    while (!stopping) {
      int batch = nextBatch++;
      String outcome = send(batch);
      if (outcome == null) {
        synchronized (this) {
          acknowledged.set(batch);
        }
        pointsAcknowledged.addAndGet(pointsPerBatch());
      } else {
        synchronized (this) {
          failures.merge(outcome, 1L, Long::sum);
        }
        pause();
      }
    }
  }

  /** Null when acknowledged, else what came back instead. */
  private String send(int batch) {
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.http("/api/v2/write?precision=ms"))
          .timeout(REQUEST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(body(batch))).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 204 ? null : "HTTP " + r.statusCode();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      stopping = true;
      return "interrupted";
    }
  }

  private byte[] body(int batch) {
    StringBuilder lines = new StringBuilder(pointsPerBatch() * 56);
    for (int s = 0; s < sensors; s++) {
      for (int k = 0; k < pointsPerSensor; k++) {
        lines.append(MEASUREMENT).append(",sensor=s").append(s).append(" value=").append(value(batch, s, k))
            .append(",batch=").append(batch).append("i ").append(t0 + (long) batch * pointsPerSensor + k).append('\n');
      }
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }

  private long value(int batch, int sensor, int k) {
    return ((long) batch * sensors + sensor) * pointsPerSensor + k;
  }

  /** The sum of {@code value} over a whole batch, as the check query computes it. */
  double checksum(int batch) {
    double sum = 0;
    for (int s = 0; s < sensors; s++) {
      for (int k = 0; k < pointsPerSensor; k++) {
        sum += value(batch, s, k);
      }
    }
    return sum;
  }

  /** A refused or failed request waits a little, as a real client's retry would, instead of spinning. */
  private void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      stopping = true;
    }
  }

  int pointsPerBatch() {
    return sensors * pointsPerSensor;
  }

  int sensors() {
    return sensors;
  }

  long pointsAcknowledged() {
    return pointsAcknowledged.get();
  }

  synchronized BitSet acknowledged() {
    return (BitSet) acknowledged.clone();
  }

  synchronized Map<String, Long> failures() {
    return new TreeMap<>(failures);
  }

  void stop() {
    stopping = true;
  }
}
