package io.edgetimedb.server.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.BadMessageException;

/**
 * The request body as it comes off the connection. Its read errors become
 * {@link ConnectionLostException}, except broken HTTP framing (a bad chunk header), which Jetty
 * reports wrapped in an IOException and which is the client's error to be answered with 400.
 */
final class NetworkInputStream extends FilterInputStream {
  NetworkInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    try {
      return in.read();
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    try {
      return in.read(buf, off, len);
    } catch (IOException e) {
      throw lost(e);
    }
  }

  private static IOException lost(IOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadMessageException bad) {
        throw bad;
      }
    }
    return new ConnectionLostException(e);
  }
}
