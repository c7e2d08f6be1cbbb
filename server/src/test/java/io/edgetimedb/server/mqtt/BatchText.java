package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.List;

/** A batch's points as text, {@code measurement ts tag=v,... field=v:TYPE,...}, to compare in tests. */
final class BatchText {
  private BatchText() {}

  static List<String> of(PointBatch batch) {
    List<String> points = new ArrayList<>();
    for (int p = 0; p < batch.size(); p++) {
      List<String> tags = new ArrayList<>();
      for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
        tags.add(batch.tagKeys()[t] + "=" + batch.tagValues()[t]);
      }
      List<String> fields = new ArrayList<>();
      for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
        fields.add(batch.fieldName(f) + "=" + value(batch, f) + ":" + batch.fieldType(f));
      }
      points.add(batch.measurement(p) + " " + batch.timestamp(p) + " " + String.join(",", tags) + " "
          + String.join(",", fields));
    }
    return points;
  }

  private static Object value(PointBatch batch, int f) {
    return switch (batch.fieldType(f)) {
      case DOUBLE -> Double.longBitsToDouble(batch.fieldBits(f));
      case BIGINT -> batch.fieldBits(f);
      case BOOLEAN -> batch.fieldBits(f) != 0;
      case VARCHAR -> batch.fieldRef(f);
      case VARBINARY -> "bytes";
    };
  }
}
