package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The simulated plant as a line-protocol body, as Telegraf would send it: ticks of
 * {@link SensorFeed} rendered one point a line with nanosecond timestamps
 * ({@code temperature,site=site-0,line=line-0,sensor=s00000 value=21.53 1700000000000000000}).
 * Shared with the benchmarks through the engine's test jar. Names of the feed need no escapes.
 */
public final class PlantLines {
  private PlantLines() {}

  /** {@code ticks} ticks of a {@code sensors}-sensor plant, one line per point. */
  public static byte[] body(int sensors, int ticks, long seed) {
    SensorFeed feed = new SensorFeed(sensors, seed, 1_700_000_000_000L, 1000);
    PointBatch batch = new PointBatch();
    for (int t = 0; t < ticks; t++) {
      feed.nextTick(batch);
    }
    return render(batch);
  }

  /** A batch as line protocol, nanosecond timestamps, names written as they are. */
  public static byte[] render(PointBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder line = new StringBuilder();
    for (int p = 0; p < batch.size(); p++) {
      line.setLength(0);
      line.append(batch.measurement(p));
      for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
        line.append(',').append(batch.tagKeys()[t]).append('=').append(batch.tagValues()[t]);
      }
      for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
        line.append(f == batch.fieldStart(p) ? ' ' : ',').append(batch.fieldName(f)).append('=');
        appendValue(line, batch, f);
      }
      line.append(' ').append(batch.timestamp(p)).append("000000\n");
      out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
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
}
