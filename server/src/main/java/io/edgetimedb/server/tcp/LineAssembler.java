package io.edgetimedb.server.tcp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the complete lines in what one connection sent, across reads: a read ends anywhere, so
 * the unfinished last line is carried over and put in front of the next read's bytes. A line
 * longer than the limit is refused (counted) and skipped up to its line end, without dropping
 * the connection, so one broken sender line costs only itself and the carried bytes stay
 * bounded by the limit. Each connection has one; used by one thread at a time.
 */
final class LineAssembler {
  /** Where the lines go. Runs are one or more whole lines, each ending in a line end. */
  interface Lines {
    void run(byte[] buf, int off, int len);

    void tooLong();

    void incomplete();
  }

  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;

  /** A carry buffer that grew past this for a long line is given back once it is not needed. */
  private static final int KEPT_CARRY_BYTES = 4096;

  private final int maxLineLength;
  private byte[] carry = new byte[0];
  private int carried;
  private boolean skipping;

  LineAssembler(int maxLineLength) {
    this.maxLineLength = maxLineLength;
  }

  /** Bytes of the unfinished line held since the last {@link #split}. */
  int carried() {
    return carried;
  }

  /** Whether part of a line is held or being skipped: the sender has not ended its last line. */
  boolean midLine() {
    return carried > 0 || skipping;
  }

  /** Copies the unfinished line to the front of {@code buf} (which has room for the longest line) and returns its length. */
  int restore(byte[] buf) {
    System.arraycopy(carry, 0, buf, 0, carried);
    return carried;
  }

  /**
   * Hands the complete lines of {@code buf[0, end)} (the restored carry, then new bytes) to
   * {@code lines} and keeps the unfinished last line for the next read.
   *
   * @param ended the connection is over: an unfinished last line is dropped and counted, since a
   *     stream cut mid-line may have cut a value short ({@code 21.5} arriving as {@code 21.})
   */
  void split(byte[] buf, int end, boolean ended, Lines lines) {
    int start = skipping ? skipRestOfLongLine(buf, end) : 0;
    int runStart = start;
    int lineStart = start;
    for (int p = nextLineEnd(buf, start, end); p < end; p = nextLineEnd(buf, lineStart, end)) {
      if (p - lineStart > maxLineLength) {
        lines.run(buf, runStart, lineStart - runStart);
        lines.tooLong();
        runStart = p + 1;
      }
      lineStart = p + 1;
    }
    lines.run(buf, runStart, lineStart - runStart);
    keepTail(buf, lineStart, end, ended, lines);
  }

  /** Where the line after the one being skipped starts, or {@code end} while it goes on. */
  private int skipRestOfLongLine(byte[] buf, int end) {
    int p = nextLineEnd(buf, 0, end);
    if (p == end) {
      return end;
    }
    skipping = false;
    return p + 1;
  }

  /**
   * Index of the first LF in {@code buf[from, to)}, or {@code to}. Looks at eight bytes at a time
   * (a word with no LF costs one test), since every byte a sender streams passes through here
   * before the parser sees it.
   */
  static int nextLineEnd(byte[] buf, int from, int to) {
    int p = from;
    for (; p + Long.BYTES <= to; p += Long.BYTES) {
      long x = (long) WORDS.get(buf, p) ^ LINE_FEEDS;
      // the lowest byte of x that is zero (an LF in buf) gets its high bit set here; higher ones may be wrong
      long zeros = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zeros != 0) {
        return p + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; p < to; p++) {
      if (buf[p] == '\n') {
        return p;
      }
    }
    return to;
  }

  private void keepTail(byte[] buf, int from, int end, boolean ended, Lines lines) {
    int length = end - from;
    carried = 0;
    if (ended) {
      if (!blank(buf, from, end)) {
        lines.incomplete();
      }
      skipping = false;
    } else if (length > maxLineLength) {
      lines.tooLong();
      skipping = true;
    } else {
      if (carry.length < length || carry.length > KEPT_CARRY_BYTES && length <= KEPT_CARRY_BYTES) {
        carry = new byte[Math.max(length, 256)];
      }
      System.arraycopy(buf, from, carry, 0, length);
      carried = length;
    }
  }

  private static boolean blank(byte[] buf, int from, int end) {
    for (int p = from; p < end; p++) {
      if (buf[p] != ' ' && buf[p] != '\t' && buf[p] != '\r') {
        return false;
      }
    }
    return true;
  }
}
