package io.edgetimedb.server.http;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.metrics.ServerMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one line-protocol body into the database: piece by piece, each parsed into a batch and
 * written before the next is read, so memory stays at one piece however big the body is. Good
 * lines are written even when others are bad; every bad line, whether the parser or the database
 * refused it, is reported by its line number.
 *
 * <p>Holds the parser's name caches, the batch and the buffer for reuse: one per request thread.
 */
final class LineProtocolIngest {
  private final Database db;
  private final ServerMetrics metrics;
  private final int maxErrorsReported;
  private final LineProtocolParser parser = new LineProtocolParser();
  private final PointBatch batch = new PointBatch();
  private final LinePieces pieces;
  private final CoarseTimestamps coarse = new CoarseTimestamps();

  /** @param budget the bytes of bodies all request threads may hold together */
  LineProtocolIngest(Database db, ServerMetrics metrics, HttpSettings settings, BodyBudget budget) {
    this.db = db;
    this.metrics = metrics;
    this.maxErrorsReported = settings.maxErrorsReported();
    this.pieces = new LinePieces(settings.linesPerBatch(), 512 << 10, settings.maxLineBytes(), budget);
  }

  /**
   * Writes the body's good lines; returns once every piece's {@code Database.write} returned, so
   * the points are as durable as the database's fsync policy asks.
   *
   * @param receivedMillis when the request arrived: the database's clock policy measures
   *     timestamps against it and stamps lines without one with it
   * @param source who wrote ({@code http:<address>}), for the schema history and {@code sys.sources}
   * @throws IOException reading the body failed; pieces before the failure were written
   * @throws RefusedRequest 503 when the bytes of bodies in flight left no room for this one's
   *     buffer; pieces before were written
   * @throws io.edgetimedb.engine.StorageException the database could not log a piece; earlier
   *     pieces were written, this and later ones not
   */
  IngestReport ingest(InputStream body, TimestampUnit unit, long receivedMillis, String source) throws IOException {
    Tally tally = new Tally(maxErrorsReported);
    pieces.reset(body);
    try {
      int overlongSeen = 0;
      while (pieces.next()) {
        overlongSeen = tallyOverlong(overlongSeen, tally);
        ingestPiece(unit, receivedMillis, source, tally);
      }
      tallyOverlong(overlongSeen, tally);
    } finally {
      batch.clear();
      pieces.release();
    }
    return tally.report();
  }

  /**
   * Reports the lines skipped for their length since the {@code seen} already reported; they
   * come before the current piece, so the report stays in line order. Returns how many are reported.
   */
  private int tallyOverlong(int seen, Tally tally) {
    List<Integer> overlong = pieces.overlongLines();
    if (overlong.size() == seen) {
      return seen;
    }
    List<BadLine> skipped = new ArrayList<>(overlong.size() - seen);
    for (int line : overlong.subList(seen, overlong.size())) {
      skipped.add(new BadLine(line, 0, "line longer than http.max-line-length = " + pieces.maxLineBytes()
          + " bytes; skipped"));
    }
    tally.bad.addPiece(List.of(), 0, skipped);
    tally.lines += skipped.size();
    metrics.linesTooLong(skipped.size());
    return overlong.size();
  }

  /** Parses the current piece into the batch, writes it, and tallies what was written and what not. */
  private void ingestPiece(TimestampUnit unit, long receivedMillis, String source, Tally tally) {
    batch.clear();
    batch.source(source).receivedAt(receivedMillis);
    ParseResult parsed = parser.parse(pieces.buffer(), pieces.offset(), pieces.length(), unit.parsedAs(),
        PointBatch.NO_TIMESTAMP, pieces.firstLine(), batch);
    PointBatch toWrite = unit.scaledAfterParsing() ? coarse.scale(batch, unit.millisPerUnit()) : batch;
    WriteResult result = toWrite.size() == 0 ? null : db.write(toWrite);
    int accepted = result == null ? 0 : result.accepted();
    List<BadLine> refusals = refusals(result, unit);
    tally.bad.addPiece(parsed.errors(), parsed.errorCount(), refusals);
    tally.lines += parsed.lines();
    tally.written += accepted;
    metrics.pointsWritten(accepted);
    metrics.linesRefused(parsed.errorCount(), refusals.size());
  }

  /** The piece's points the database refused, and for coarse units those whose timestamp overflowed. */
  private List<BadLine> refusals(WriteResult result, TimestampUnit unit) {
    List<RejectedPoint> rejected = result == null ? List.of() : result.rejected();
    List<Integer> overflowed = unit.scaledAfterParsing() ? coarse.overflowed() : List.of();
    if (rejected.isEmpty() && overflowed.isEmpty()) {
      return List.of();
    }
    int[] lineOf = PointLines.of(parser, pieces.buffer(), pieces.offset(), pieces.length(), pieces.firstLine(),
        unit.parsedAs(), PointBatch.NO_TIMESTAMP, batch.size());
    List<BadLine> out = new ArrayList<>(rejected.size() + overflowed.size());
    for (int p : overflowed) {
      out.add(new BadLine(lineOf[p], 0, "timestamp out of range for precision " + unit.name()));
    }
    for (RejectedPoint r : rejected) {
      int p = unit.scaledAfterParsing() ? coarse.originalIndex(r.index()) : r.index();
      out.add(new BadLine(lineOf[p], 0, "refused by the database: " + r.reason()));
    }
    return out;
  }

  /** What one request has done so far. */
  private static final class Tally {
    final BadLines bad;
    long lines;
    long written;

    Tally(int maxErrorsReported) {
      bad = new BadLines(maxErrorsReported);
    }

    IngestReport report() {
      return new IngestReport(lines, written, bad.kept(), bad.count());
    }
  }
}
