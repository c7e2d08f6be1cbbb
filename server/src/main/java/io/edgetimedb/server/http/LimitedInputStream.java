package io.edgetimedb.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and refuses the request with 413 as soon as one
 * more arrives: a body is counted while it streams, so a chunked body or a gzip bomb is stopped
 * after limit + 1 bytes instead of being read to its end.
 */
final class LimitedInputStream extends FilterInputStream {
  private final long limit;
  private final String what;
  private long count;

  /** {@code what} names the counted bytes in the refusal ("body", "decompressed body"). */
  LimitedInputStream(InputStream in, long limit, String what) {
    super(in);
    this.limit = limit;
    this.what = what;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    // asking for one byte more than the limit allows is what reveals an oversized body
    int n = in.read(buf, off, (int) Math.min(len, limit - count + 1));
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    int read = read(scratch, 0, scratch.length);
    return Math.max(read, 0);
  }

  private void counted(int n) {
    count += n;
    if (count > limit) {
      throw RefusedRequest.tooLarge(what + " larger than the limit of " + limit + " bytes");
    }
  }
}
