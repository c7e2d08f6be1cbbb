package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes the rows of one measurement in a time range, series by series and in time order
 * within each, in one of the export formats. Returns the rows written.
 */
public abstract class PointExport {
  private static final int PROGRESS_STEP = 10_000;

  /** Writes whatever precedes the rows (the CSV header). */
  protected abstract void begin(Writer out, String measurement, List<String> tagKeys, List<FieldInfo> fields)
      throws IOException;

  /** Writes the cursor's current row. */
  protected abstract void row(Writer out, String measurement, PointCursor row) throws IOException;

  public final long run(Database db, String measurement, long from, long to, Writer out, LongConsumer progress)
      throws IOException {
    List<String> tagKeys = new ArrayList<>(db.tagKeys(measurement));
    List<FieldInfo> fields = db.fields(measurement);
    begin(out, measurement, tagKeys, fields);
    long rows = 0;
    ReadRequest request = ReadRequest.of(measurement).tagKeys(tagKeys.toArray(String[]::new))
        .fields(fields.stream().map(FieldInfo::name).toArray(String[]::new)).timeRange(from, to);
    try (PointCursor cursor = db.read(request)) {
      while (cursor.next()) {
        row(out, measurement, cursor);
        if (++rows % PROGRESS_STEP == 0) {
          progress.accept(PROGRESS_STEP);
        }
      }
    }
    progress.accept(rows % PROGRESS_STEP);
    out.flush();
    return rows;
  }
}
