package io.edgetimedb.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** The request body as it comes off the connection; its read errors become {@link ConnectionLostException}. */
final class NetworkInputStream extends FilterInputStream {
  NetworkInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw new ConnectionLostException(e);
    }
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    try {
      return in.read(buf, off, len);
    } catch (IOException e) {
      throw new ConnectionLostException(e);
    }
  }
}
