package io.edgetimedb.server.http;

import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a batch parsed with timestamps in minutes or hours (kept as written, see
 * {@link TimestampUnit}) into one in milliseconds: a copy, since a batch's timestamps cannot be
 * changed in place. Points whose timestamp overflows as milliseconds are left out and listed,
 * so they are reported as bad lines. Lines without a timestamp keep {@link
 * PointBatch#NO_TIMESTAMP}, for the database to stamp with the receive time. Only the rare
 * {@code precision=m|h} requests pay for the copy. Reusable, not thread-safe.
 */
final class CoarseTimestamps {
  private final PointBatch scaled = new PointBatch();
  private int[] originalIndex = new int[64];
  private final List<Integer> overflowed = new ArrayList<>();

  /** The points of {@code raw} with timestamps in milliseconds; valid until the next call. */
  PointBatch scale(PointBatch raw, long millisPerUnit) {
    scaled.clear();
    scaled.source(raw.source()).receivedAt(raw.receivedAt());
    overflowed.clear();
    if (originalIndex.length < raw.size()) {
      originalIndex = Arrays.copyOf(originalIndex, raw.size());
    }
    for (int p = 0; p < raw.size(); p++) {
      long ts = raw.timestamp(p);
      if (ts != PointBatch.NO_TIMESTAMP) {
        if (Math.abs(ts) > Long.MAX_VALUE / millisPerUnit) {
          overflowed.add(p);
          continue;
        }
        ts *= millisPerUnit;
      }
      originalIndex[scaled.size()] = p;
      copy(raw, p, ts);
    }
    return scaled;
  }

  /** The index in the parsed batch of point {@code i} of the scaled one. */
  int originalIndex(int i) {
    return originalIndex[i];
  }

  /** Indices in the parsed batch of the points left out because their timestamp overflowed. */
  List<Integer> overflowed() {
    return overflowed;
  }

  private void copy(PointBatch raw, int p, long ts) {
    scaled.point(raw.measurement(p), ts);
    for (int t = raw.tagStart(p); t < raw.tagStart(p) + raw.tagCount(p); t++) {
      scaled.tag(raw.tagKeys()[t], raw.tagValues()[t]);
    }
    for (int f = raw.fieldStart(p); f < raw.fieldStart(p) + raw.fieldCount(p); f++) {
      String name = raw.fieldName(f);
      long bits = raw.fieldBits(f);
      switch (raw.fieldType(f)) {
        case DOUBLE -> scaled.field(name, Double.longBitsToDouble(bits));
        case BIGINT -> scaled.field(name, bits);
        case BOOLEAN -> scaled.field(name, bits != 0);
        case VARCHAR -> scaled.field(name, (String) raw.fieldRef(f));
        case VARBINARY -> scaled.field(name, (byte[]) raw.fieldRef(f));
      }
    }
  }
}
