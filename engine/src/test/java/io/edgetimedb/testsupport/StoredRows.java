package io.edgetimedb.testsupport;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What ingestion tests read back: the rows of a measurement as text, and waiting for them to
 * arrive (listeners without acknowledgements write after the sender is done).
 */
public final class StoredRows {
  private StoredRows() {}

  /** {@code <ts> tag=value,... field=value,...} per row; empty when the measurement does not exist (yet). */
  public static List<String> of(Database db, String measurement) {
    List<String> rows = new ArrayList<>();
    if (!db.measurements().contains(measurement)) {
      return rows;
    }
    try (PointCursor c = db.read(ReadRequest.of(measurement))) {
      while (c.next()) {
        StringBuilder row = new StringBuilder().append(c.timestamp()).append(' ');
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < c.tagKeys().size(); i++) {
          if (c.tag(i) != null) {
            tags.add(c.tagKeys().get(i) + "=" + c.tag(i));
          }
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < c.fieldNames().size(); i++) {
          if (!c.isNull(i)) {
            fields.add(c.fieldNames().get(i) + "=" + c.getObject(i));
          }
        }
        rows.add(row.append(String.join(",", tags)).append(' ').append(String.join(",", fields)).toString());
      }
    }
    return rows;
  }

  /** Waits up to {@code millis} for the condition; returns whether it came true. */
  public static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
