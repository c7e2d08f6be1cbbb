package io.edgetimedb.server.ingest;

import io.edgetimedb.engine.lineprotocol.LineError;
import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.mqtt.ThrottledLog;

/**
 * Turns chunks of complete line-protocol lines into one {@link PointWriter#write} each: the
 * socket listeners hand it whatever one read (or a run of datagrams) gave, in one or more
 * pieces, and write once per chunk, so the cost of a write is shared by thousands of points.
 * Good lines are written, bad ones counted and logged (throttled): there is nobody to answer.
 *
 * <p>Holds the parser's name caches and the batch for reuse: one per listener thread.
 */
public final class LineChunkWriter {
  private final PointWriter writer;
  private final Precision precision;
  private final IngestCounters counters;
  private final ThrottledLog log;
  private final LineProtocolParser parser = new LineProtocolParser();
  private final PointBatch batch = new PointBatch();
  private String source;
  private int badLines;
  private LineError firstBad;

  public LineChunkWriter(PointWriter writer, Precision precision, IngestCounters counters, ThrottledLog log) {
    this.writer = writer;
    this.precision = precision;
    this.counters = counters;
    this.log = log;
  }

  /**
   * Starts a chunk from {@code source}: {@code protocol:address}, the schema history's and
   * {@code sys.sources}' "who wrote", e.g. {@code tcp:10.0.0.7}.
   */
  public void begin(String source) {
    this.source = source;
    batch.clear();
    batch.source(source);
    badLines = 0;
    firstBad = null;
  }

  /**
   * Parses the lines in {@code buf[off, off + len)} into the chunk; the last one may lack its
   * line end. The chunk's receive time is that of its first piece: the database's clock policy
   * measures timestamps against it and stamps lines without one with it.
   */
  public void add(byte[] buf, int off, int len, long receivedMillis) {
    if (len == 0) {
      return;
    }
    if (batch.receivedAt() == PointBatch.NO_TIMESTAMP) {
      batch.receivedAt(receivedMillis);
    }
    ParseResult parsed = parser.parse(buf, off, len, precision, PointBatch.NO_TIMESTAMP, 1, batch);
    counters.received(parsed.lines());
    if (parsed.errorCount() > 0) {
      badLines += parsed.errorCount();
      counters.refused(parsed.errorCount(), 0);
      if (firstBad == null) {
        firstBad = parsed.errors().get(0);
      }
    }
  }

  /**
   * Writes the chunk's points in one call, counts, and logs the chunk's bad lines in one message.
   *
   * @return points written
   * @throws RuntimeException what the writer threw (counted and logged; the chunk is lost)
   */
  public int finish() {
    try {
      WriteResult result = batch.size() == 0 ? null : writer.write(batch);
      int accepted = result == null ? 0 : result.accepted();
      counters.written(accepted);
      if (result != null && !result.rejected().isEmpty()) {
        counters.refused(0, result.rejected().size());
        badLines += result.rejected().size();
        logBad("refused by the database: " + result.rejected().get(0).reason());
      } else if (firstBad != null) {
        logBad(firstBad.message() + " in '" + firstBad.lineText() + "'");
      }
      return accepted;
    } catch (RuntimeException e) {
      counters.writeFailed();
      log.warn(source + ": writing " + batch.size() + " points failed, they are lost: " + e);
      throw e;
    } finally {
      batch.clear();
    }
  }

  private void logBad(String first) {
    log.warn(source + ": " + badLines + " bad line" + (badLines == 1 ? "" : "s") + " not written; first: " + first);
  }
}
