package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.write.PointBatch;

/** Tags of a simulated point, which pick its TCP connection and its MQTT topic. */
final class PointTags {
  private PointTags() {}

  /** The value of tag {@code key} of point {@code p}, or the empty string when the point has none. */
  static String value(PointBatch batch, int p, String key) {
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      if (batch.tagKeys()[t].equals(key)) {
        return batch.tagValues()[t];
      }
    }
    return "";
  }

  static String sensor(PointBatch batch, int p) {
    return value(batch, p, "sensor");
  }
}
