package io.edgetimedb.server.transfer;

import java.util.ArrayList;
import java.util.List;

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
