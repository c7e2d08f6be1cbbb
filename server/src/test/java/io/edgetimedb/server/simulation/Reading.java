package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.List;

/** One reading as a receiver sees it: which measurement and sensor, its timestamp, its value. */
record Reading(String measurement, String sensor, long ts, Object value) {

  static List<Reading> of(PointBatch batch) {
    List<Reading> out = new ArrayList<>();
    for (int p = 0; p < batch.size(); p++) {
      int f = batch.fieldStart(p);
      Object value = batch.fieldRef(f) != null ? batch.fieldRef(f) : switch (batch.fieldType(f)) {
        case DOUBLE -> Double.longBitsToDouble(batch.fieldBits(f));
        case BOOLEAN -> batch.fieldBits(f) != 0;
        default -> batch.fieldBits(f);
      };
      out.add(new Reading(batch.measurement(p), PointTags.sensor(batch, p), batch.timestamp(p), value));
    }
    return out;
  }

  /** Parses line protocol as a listener would; a bad line fails the test. */
  static List<Reading> parse(byte[] lines, Precision precision) {
    PointBatch batch = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(lines, 0, lines.length, precision, 0, 1, batch);
    if (result.errorCount() > 0) {
      throw new AssertionError("bad lines arrived: " + result.errors());
    }
    return of(batch);
  }

  /**
   * What a run of {@code ticks} ticks of the fleet sends, from a second feed built the same way,
   * in sending order: the late readings still held go out with the last tick, as in the run.
   */
  static List<Reading> expected(SimulatedFleet fleet, long ticks) {
    SensorFeed feed = fleet.newFeed();
    PointBatch batch = new PointBatch();
    for (long t = 0; t < ticks; t++) {
      feed.nextTick(batch);
    }
    feed.releaseLate(batch);
    return of(batch);
  }
}
