package io.edgetimedb.bench.http;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Line-protocol bodies of one gateway's share of the simulated plant, as Telegraf sends them:
 * {@code temperature,gateway=g1,site=site-0,line=line-0,sensor=s00000 value=21.53 1700000000000000000}.
 * A fixed set of bodies is rendered once; {@link #shift} then moves every timestamp forward in
 * place (they are fixed-width nanoseconds), so the client can send for as long as it likes with
 * ever newer points and without spending its CPU on formatting, which would be taken from the
 * server on a two-core box.
 */
public final class PlantBodies {
  private static final int TIMESTAMP_DIGITS = 19;

  private final byte[][] bodies;
  private final int[][] timestampAt;
  private final long[][] baseNanos;
  private final long spanNanos;
  private final int linesPerBody;

  /**
   * @param gateway tag value that keeps this client's series apart from the other clients'
   * @param ticksPerBody ticks of the whole plant in one body (lines = sensors x ticks)
   */
  public PlantBodies(String gateway, int sensors, int ticksPerBody, int bodyCount, long seed) {
    SensorFeed feed = new SensorFeed(sensors, seed, 1_700_000_000_000L, 1000);
    bodies = new byte[bodyCount][];
    timestampAt = new int[bodyCount][];
    baseNanos = new long[bodyCount][];
    linesPerBody = sensors * ticksPerBody;
    PointBatch batch = new PointBatch();
    for (int b = 0; b < bodyCount; b++) {
      batch.clear();
      for (int t = 0; t < ticksPerBody; t++) {
        feed.nextTick(batch);
      }
      render(gateway, batch, b);
    }
    spanNanos = (long) bodyCount * ticksPerBody * 1_000_000_000L;
  }

  public int count() {
    return bodies.length;
  }

  public int linesPerBody() {
    return linesPerBody;
  }

  public byte[] body(int b) {
    return bodies[b];
  }

  /** Rewrites body b's timestamps for its {@code round}-th sending: the whole set's span later per round. */
  public void shift(int b, long round) {
    byte[] body = bodies[b];
    for (int i = 0; i < timestampAt[b].length; i++) {
      writeDigits(body, timestampAt[b][i], baseNanos[b][i] + round * spanNanos);
    }
  }

  private void render(String gateway, PointBatch batch, int b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 100);
    StringBuilder line = new StringBuilder(128);
    timestampAt[b] = new int[batch.size()];
    baseNanos[b] = new long[batch.size()];
    for (int p = 0; p < batch.size(); p++) {
      line.setLength(0);
      line.append(batch.measurement(p)).append(",gateway=").append(gateway);
      for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
        line.append(',').append(batch.tagKeys()[t]).append('=').append(batch.tagValues()[t]);
      }
      for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
        line.append(f == batch.fieldStart(p) ? ' ' : ',').append(batch.fieldName(f)).append('=');
        appendValue(line, batch, f);
      }
      line.append(' ');
      byte[] head = line.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(head);
      timestampAt[b][p] = out.size();
      baseNanos[b][p] = batch.timestamp(p) * 1_000_000L;
      out.writeBytes(String.valueOf(baseNanos[b][p]).getBytes(StandardCharsets.US_ASCII));
      out.write('\n');
    }
    bodies[b] = out.toByteArray();
  }

  private static void appendValue(StringBuilder line, PointBatch batch, int f) {
    FieldType type = batch.fieldType(f);
    switch (type) {
      case DOUBLE -> line.append(Double.longBitsToDouble(batch.fieldBits(f)));
      case BIGINT -> line.append(batch.fieldBits(f)).append('i');
      case BOOLEAN -> line.append(batch.fieldBits(f) != 0);
      default -> line.append('"').append(batch.fieldRef(f)).append('"');
    }
  }

  private static void writeDigits(byte[] body, int at, long value) {
    for (int i = at + TIMESTAMP_DIGITS - 1; i >= at; i--) {
      body[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }
}
