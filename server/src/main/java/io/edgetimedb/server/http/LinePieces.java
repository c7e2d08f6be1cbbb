package io.edgetimedb.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a streamed body into pieces of whole lines, at most {@code linesPerPiece} each, so that a
 * body of any size is parsed and written with one bounded buffer. A piece ends after a line end,
 * except the last one, which takes whatever follows the last line end. A line longer than
 * {@code maxLineBytes} (its line end not counted) is never handed out: it is skipped up to its
 * line end and its number listed in {@link #overlongLines}. The buffer grows only for a line
 * longer than it, never beyond {@code maxLineBytes + 1}, every byte of it reserved in the
 * {@link BodyBudget} first; it is given back at {@link #release}.
 *
 * <pre>
 * buf:  [ consumed | piece handed out | scanned, not yet handed out | unread space ]
 *       0          start              scanned                       end          buf.length
 * </pre>
 * Reusable and not thread-safe: one per request thread.
 */
final class LinePieces {
  private final int linesPerPiece;
  private final int initialBytes;
  private final int maxLineBytes;
  private final BodyBudget budget;
  private final List<Integer> overlongLines = new ArrayList<>();
  private byte[] buf;
  /** Bytes of {@link #buf} reserved in the budget for the current body; 0 between bodies. */
  private long reserved;
  private InputStream in;
  private boolean eof;
  private int start;
  private int end;
  private int scanned;
  private int linesScanned;
  /** Index after the last line end scanned since start, or -1. */
  private int lastLineEnd;
  /** Where the line being scanned begins. */
  private int lineBegin;
  /** The line at lineBegin is longer than maxLineBytes. */
  private boolean overlong;
  private int nextLine;
  private int pieceOffset;
  private int pieceLength;
  private int pieceFirstLine;

  LinePieces(int linesPerPiece, int initialBytes, int maxLineBytes, BodyBudget budget) {
    this.linesPerPiece = linesPerPiece;
    this.initialBytes = initialBytes;
    this.maxLineBytes = maxLineBytes;
    this.budget = budget;
    this.buf = new byte[initialBytes];
  }

  /**
   * Starts on a new body; line numbers start at 1.
   *
   * @throws RefusedRequest 503 when the budget has no room for the buffer
   */
  void reset(InputStream body) {
    budget.reserve(buf.length);
    reserved = buf.length;
    in = body;
    eof = false;
    start = 0;
    end = 0;
    scanned = 0;
    linesScanned = 0;
    lastLineEnd = -1;
    lineBegin = 0;
    overlong = false;
    nextLine = 1;
    overlongLines.clear();
  }

  /**
   * Moves to the next piece; false at the end of the body.
   *
   * @throws RefusedRequest 503 when the buffer would have to grow beyond what the budget has left
   */
  boolean next() throws IOException {
    while (true) {
      if (overlong) {
        if (lineBegin > start) {
          return handOut(lineBegin);
        }
        skipOverlongLine();
        continue;
      }
      scan();
      if (overlong) {
        continue;
      }
      if (linesScanned == linesPerPiece) {
        return handOut(lastLineEnd);
      }
      if (eof) {
        return start < end && handOut(end);
      }
      if (end == buf.length) {
        if (lastLineEnd > start) {
          return handOut(lastLineEnd);
        }
        makeRoom();
      }
      fill();
    }
  }

  byte[] buffer() {
    return buf;
  }

  int offset() {
    return pieceOffset;
  }

  int length() {
    return pieceLength;
  }

  /** Number of the piece's first line in the whole body, counting from 1. */
  int firstLine() {
    return pieceFirstLine;
  }

  /** Numbers of the lines skipped so far in this body for being longer than the limit, in order. */
  List<Integer> overlongLines() {
    return overlongLines;
  }

  int maxLineBytes() {
    return maxLineBytes;
  }

  /** Drops the body and a buffer that grew for a long line, and gives the reservation back. */
  void release() {
    in = null;
    budget.release(reserved);
    reserved = 0;
    if (buf.length > initialBytes) {
      buf = new byte[initialBytes];
    }
  }

  /** Scans for line ends up to the piece's line count; stops at the first byte beyond the line limit. */
  private void scan() {
    while (scanned < end && linesScanned < linesPerPiece) {
      if (buf[scanned] == '\n') {
        scanned++;
        linesScanned++;
        lastLineEnd = scanned;
        lineBegin = scanned;
      } else if (scanned - lineBegin >= maxLineBytes) {
        overlong = true;
        return;
      } else {
        scanned++;
      }
    }
  }

  /** Discards the line at start up to and including its line end (or the end of the body). */
  private void skipOverlongLine() throws IOException {
    overlongLines.add(nextLine);
    nextLine++;
    overlong = false;
    while (true) {
      while (scanned < end) {
        if (buf[scanned++] == '\n') {
          start = scanned;
          lineBegin = scanned;
          return;
        }
      }
      start = 0;
      end = 0;
      scanned = 0;
      lineBegin = 0;
      if (eof) {
        return;
      }
      fill();
    }
  }

  private boolean handOut(int to) {
    pieceOffset = start;
    pieceLength = to - start;
    pieceFirstLine = nextLine;
    nextLine += linesScanned;
    start = to;
    scanned = to;
    lineBegin = to;
    linesScanned = 0;
    lastLineEnd = -1;
    return true;
  }

  /**
   * Moves the unconsumed bytes to the front, or grows the buffer when they fill it (at most to
   * one byte beyond the line limit: a buffer that size holding no line end holds an overlong line).
   */
  private void makeRoom() {
    if (start == 0) {
      int grown = (int) Math.min((long) buf.length * 2, maxLineBytes + 1L);
      budget.reserve(grown - buf.length);
      reserved += grown - buf.length;
      buf = Arrays.copyOf(buf, grown);
      return;
    }
    int kept = end - start;
    System.arraycopy(buf, start, buf, 0, kept);
    scanned -= start;
    lineBegin -= start;
    if (lastLineEnd >= 0) {
      lastLineEnd -= start;
    }
    end = kept;
    start = 0;
  }

  private void fill() throws IOException {
    if (start > buf.length / 2) {
      makeRoom();
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
    }
  }
}
