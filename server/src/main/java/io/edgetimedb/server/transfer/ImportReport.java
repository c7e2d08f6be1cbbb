package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.write.RejectedPoint;
import io.edgetimedb.engine.write.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/** What an import did: points written, and every row refused (the first {@link #KEPT} kept in detail). */
public final class ImportReport {
  /** Errors kept in detail; beyond them only counted, so a broken file cannot fill the memory. */
  public static final int KEPT = 1_000;

  private final List<RowError> errors = new ArrayList<>();
  private long errorCount;
  private long written;

  void refused(RowError error) {
    errorCount++;
    if (errors.size() < KEPT) {
      errors.add(error);
    }
  }

  void written(long points) {
    written += points;
  }

  /**
   * Counts what writing a batch of {@code points} did. Refused points are reported at their
   * file line; points neither accepted nor named (a server lists only its first refusals) are
   * counted as refused without a line, so the totals never overstate what was written.
   */
  void record(WriteResult result, int points, IntToLongFunction lineOfPoint) {
    written(result.accepted());
    for (RejectedPoint rejected : result.rejected()) {
      refused(new RowError(lineOfPoint.applyAsLong(rejected.index()), 0, rejected.reason()));
    }
    long unnamed = points - result.accepted() - result.rejected().size();
    if (unnamed > 0) {
      refused(new RowError(0, 0, unnamed + " more points of this batch refused; the server did not say which"));
      errorCount += unnamed - 1;
    }
  }

  public long written() {
    return written;
  }

  public long errorCount() {
    return errorCount;
  }

  public List<RowError> errors() {
    return List.copyOf(errors);
  }

  /** One line for the end of the run. */
  public String summary() {
    return String.format("imported %,d points, refused %,d rows", written, errorCount);
  }
}
