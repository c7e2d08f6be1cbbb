package io.edgetimedb.server.http;

import io.edgetimedb.engine.lineprotocol.LineError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The bad lines of one request, gathered piece by piece: the first {@code maxKept} in line order
 * and a count of all, so a body of a million bad lines still gets a short answer.
 */
final class BadLines {
  private final int maxKept;
  private final List<BadLine> kept = new ArrayList<>();
  private long count;

  BadLines(int maxKept) {
    this.maxKept = maxKept;
  }

  /**
   * Adds one piece's bad lines: the parser's (of which {@code parseErrorCount} in all, maybe more
   * than listed) and the database's refusals.
   */
  void addPiece(List<LineError> parseErrors, int parseErrorCount, List<BadLine> refusals) {
    count += parseErrorCount + refusals.size();
    if (kept.size() >= maxKept) {
      return;
    }
    List<BadLine> piece = new ArrayList<>(parseErrors.size() + refusals.size());
    for (LineError e : parseErrors) {
      piece.add(new BadLine(e.line(), e.column(), e.message()));
    }
    piece.addAll(refusals);
    piece.sort(Comparator.comparingInt(BadLine::line));
    for (BadLine bad : piece) {
      if (kept.size() == maxKept) {
        return;
      }
      kept.add(bad);
    }
  }

  List<BadLine> kept() {
    return kept;
  }

  long count() {
    return count;
  }
}
