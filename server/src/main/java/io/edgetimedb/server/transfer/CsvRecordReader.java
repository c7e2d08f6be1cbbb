package io.edgetimedb.server.transfer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 CSV into records: comma-separated cells, a cell in double quotes may hold
 * commas, line breaks and doubled quotes. Remembers the line each record starts on, for errors.
 */
final class CsvRecordReader {
  private final Reader in;
  private long line = 1;
  private long recordLine;
  private int pushedBack = -2;

  CsvRecordReader(Reader in) {
    this.in = in;
  }

  /** The line the last record returned started on. */
  long recordLine() {
    return recordLine;
  }

  /** The next record's cells, or null at the end; blank lines are skipped. */
  List<String> next() throws IOException {
    int c = read();
    while (c == '\n' || c == '\r') {
      c = read();
    }
    if (c < 0) {
      return null;
    }
    recordLine = line;
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (;; c = read()) {
      if (quoted) {
        if (c < 0) {
          throw new IOException("line " + recordLine + ": a quoted cell is never closed");
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            cell.append('"');
            continue;
          }
          quoted = false;
          pushedBack = after;
          continue;
        }
        cell.append((char) c);
      } else if (c == '"' && cell.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c < 0 || c == '\n' || c == '\r') {
        cells.add(cell.toString());
        return cells;
      } else {
        cell.append((char) c);
      }
    }
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = in.read();
    if (c == '\n') {
      line++;
    }
    return c;
  }
}
