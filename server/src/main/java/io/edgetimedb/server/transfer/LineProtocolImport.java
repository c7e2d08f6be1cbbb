package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.lineprotocol.LineError;
import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Imports InfluxDB line protocol with the engine's parser, a block of whole lines at a time;
 * bad lines are reported with line and column and skipped, the others written. Lines without a
 * timestamp get the time of the import.
 */
public final class LineProtocolImport {
  private static final int BLOCK = 1 << 20;

  private final Precision precision;
  private final PointSink sink;
  private final LineProtocolParser parser = new LineProtocolParser();
  private final ImportReport report = new ImportReport();
  private final PointBatch batch = new PointBatch().source("import");

  public LineProtocolImport(Precision precision, PointSink sink) {
    this.precision = precision;
    this.sink = sink;
  }

  /** Reads the stream to its end; {@code progress} is told the bytes of each block parsed. */
  public ImportReport run(InputStream in, LongConsumer progress) throws IOException {
    byte[] buf = new byte[BLOCK];
    int filled = 0;
    int line = 1;
    long now = System.currentTimeMillis();
    for (int read; (read = in.read(buf, filled, buf.length - filled)) >= 0 || filled > 0;) {
      filled += Math.max(read, 0);
      int cut = read < 0 ? filled : lastLineEnd(buf, filled);
      if (cut < 0) {
        if (filled == buf.length) {
          buf = Arrays.copyOf(buf, buf.length * 2);  // one line longer than the block: grow
        }
        continue;
      }
      // one receive time for the whole file: lines without a timestamp all take the start of the import
      batch.receivedAt(now);
      ParseResult parsed = parser.parse(buf, 0, cut, precision, PointBatch.NO_TIMESTAMP, line, batch);
      int[] lines = pointLines(buf, cut, line, parsed);
      parsed.errors().forEach(e -> report.refused(error(e)));
      write(lines);
      line += count(buf, cut);
      System.arraycopy(buf, cut, buf, 0, filled - cut);
      filled -= cut;
      progress.accept(cut);
      if (read < 0) {
        break;
      }
    }
    return report;
  }

  private static RowError error(LineError e) {
    return new RowError(e.line(), e.column(), e.message());
  }

  /** The line of each point, for engine refusals: the lines that parsed, in order. */
  private int[] pointLines(byte[] buf, int len, int firstLine, ParseResult parsed) {
    int[] lines = new int[batch.size()];
    Set<Integer> bad = new HashSet<>();
    parsed.errors().forEach(e -> bad.add(e.line()));
    int point = 0;
    int line = firstLine;
    int start = 0;
    for (int i = 0; i <= len && point < lines.length; i++) {
      if (i == len || buf[i] == '\n') {
        if (!bad.contains(line) && hasPoint(buf, start, i)) {
          lines[point++] = line;
        }
        line++;
        start = i + 1;
      }
    }
    return lines;
  }

  private static boolean hasPoint(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
        return buf[i] != '#';
      }
    }
    return false;
  }

  private void write(int[] lines) {
    if (batch.size() == 0) {
      return;
    }
    report.record(sink.write(batch), batch.size(), point -> lines[point]);
    batch.clear();
  }

  private static int lastLineEnd(byte[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) {
      if (buf[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  private static int count(byte[] buf, int len) {
    int lines = 0;
    for (int i = 0; i < len; i++) {
      if (buf[i] == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
