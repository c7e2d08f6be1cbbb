package io.edgetimedb.engine.simulation;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * The ground truth of a feed's injected anomalies, one CSV row per anomaly, for scoring a
 * detector against:
 *
 * <pre>
 * measurement,sensor,field,kind,start,end,start_ms,end_ms,magnitude
 * temperature,s00042,value,LEVEL_SHIFT,2026-11-27T06:00:00Z,2026-11-27T06:00:42Z,1795154400000,1795154442000,-6.0
 * </pre>
 * Times are true time (a skewed sensor reports the same readings with its own clock), the window
 * is [start, end), and magnitude is in the field's unit (see {@link Anomaly}).
 */
public final class GroundTruthCsv {
  public static final String HEADER = "measurement,sensor,field,kind,start,end,start_ms,end_ms,magnitude";

  private GroundTruthCsv() {}

  public static void write(SensorFeed feed, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (Anomaly a : feed.anomalies().anomalies()) {
      SensorKind kind = feed.kind(a.sensor());
      out.write(String.join(",", kind.measurement(), feed.sensorId(a.sensor()), kind.field(), a.kind().name(),
          Instant.ofEpochMilli(a.startMillis()).toString(), Instant.ofEpochMilli(a.endMillis()).toString(),
          Long.toString(a.startMillis()), Long.toString(a.endMillis()), Double.toString(a.magnitude())));
      out.write('\n');
    }
  }
}
