package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Points of a batch as compact text, so that tests compare whole points at a glance:
 * {@code boiler [site=A, sensor=t17] [value=21.53d, n=5i, on=trueb, s="x"s] @1700000000000}.
 * Names appear decoded (as the engine receives them); the type suffix is d, i, b or s.
 */
final class BatchText {
  private BatchText() {}

  static List<String> of(PointBatch batch) {
    List<String> points = new ArrayList<>();
    for (int p = 0; p < batch.size(); p++) {
      points.add(point(batch, p));
    }
    return points;
  }

  static String point(PointBatch batch, int p) {
    StringBuilder out = new StringBuilder(batch.measurement(p)).append(" [");
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      out.append(t > batch.tagStart(p) ? ", " : "").append(batch.tagKeys()[t]).append('=').append(batch.tagValues()[t]);
    }
    out.append("] [");
    for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
      out.append(f > batch.fieldStart(p) ? ", " : "").append(batch.fieldName(f)).append('=').append(value(batch, f));
    }
    return out.append("] @").append(batch.timestamp(p)).toString();
  }

  private static String value(PointBatch batch, int f) {
    return switch (batch.fieldType(f)) {
      case DOUBLE -> Double.longBitsToDouble(batch.fieldBits(f)) + "d";
      case BIGINT -> batch.fieldBits(f) + "i";
      case BOOLEAN -> (batch.fieldBits(f) != 0) + "b";
      default -> "\"" + batch.fieldRef(f) + "\"s";
    };
  }

  /** Parses a body given as text with a fresh parser (lines numbered from 1, default time 0). */
  static Parsed parse(String body, Precision precision) {
    PointBatch batch = new PointBatch();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ParseResult result = new LineProtocolParser().parse(bytes, 0, bytes.length, precision, 0, 1, batch);
    return new Parsed(result, batch);
  }

  record Parsed(ParseResult result, PointBatch batch) {
    List<String> points() {
      return of(batch);
    }
  }
}
