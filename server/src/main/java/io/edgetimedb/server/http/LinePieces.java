package io.edgetimedb.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a streamed body into pieces of whole lines, at most {@code linesPerPiece} each, so that a
 * body of any size is parsed and written with one bounded buffer. A piece ends after a line end,
 * except the last one, which takes whatever follows the last line end. The buffer grows only for
 * a single line longer than it (bounded by the body limit) and is given back at {@link #release}.
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
  private byte[] buf;
  private InputStream in;
  private boolean eof;
  private int start;
  private int end;
  private int scanned;
  private int linesScanned;
  /** Index after the last line end scanned since start, or -1. */
  private int lastLineEnd;
  private int nextLine;
  private int pieceOffset;
  private int pieceLength;
  private int pieceFirstLine;

  LinePieces(int linesPerPiece, int initialBytes) {
    this.linesPerPiece = linesPerPiece;
    this.initialBytes = initialBytes;
    this.buf = new byte[initialBytes];
  }

  /** Starts on a new body; line numbers start at 1. */
  void reset(InputStream body) {
    in = body;
    eof = false;
    start = 0;
    end = 0;
    scanned = 0;
    linesScanned = 0;
    lastLineEnd = -1;
    nextLine = 1;
  }

  /** Moves to the next piece; false at the end of the body. */
  boolean next() throws IOException {
    while (true) {
      scan();
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

  /** Drops the body and a buffer that grew for an overlong line, so an idle thread holds little. */
  void release() {
    in = null;
    if (buf.length > initialBytes) {
      buf = new byte[initialBytes];
    }
  }

  private void scan() {
    while (scanned < end && linesScanned < linesPerPiece) {
      if (buf[scanned++] == '\n') {
        linesScanned++;
        lastLineEnd = scanned;
      }
    }
  }

  private boolean handOut(int to) {
    pieceOffset = start;
    pieceLength = to - start;
    pieceFirstLine = nextLine;
    nextLine += linesScanned;
    start = to;
    scanned = to;
    linesScanned = 0;
    lastLineEnd = -1;
    return true;
  }

  /** Moves the unconsumed bytes to the front, or doubles the buffer when they fill it. */
  private void makeRoom() {
    if (start == 0) {
      buf = Arrays.copyOf(buf, buf.length * 2);
      return;
    }
    int kept = end - start;
    System.arraycopy(buf, start, buf, 0, kept);
    scanned -= start;
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
