package io.edgetimedb.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.servlet.http.HttpServletRequest;

/**
 * Opens a write request's body as the bytes of the line protocol: checks the declared length
 * against the limit before reading anything (so a client sending {@code Expect: 100-continue}
 * never uploads a body that would be refused), undoes a gzip encoding, and counts both the bytes
 * that arrive and the bytes they decompress to.
 */
final class RequestBody {
  private RequestBody() {}

  /**
   * The decoded body. Reading it throws {@link RefusedRequest} (413) past the limit and
   * {@link ConnectionLostException} when the client goes away; other IOExceptions mean the
   * encoded bytes were broken (see {@link #isGzip}).
   *
   * @throws RefusedRequest 413 for a declared length over the limit, 415 for an encoding other
   *     than gzip or identity, 400 for a gzip body that does not start like one
   */
  static InputStream open(HttpServletRequest request, long maxBytes) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      throw RefusedRequest.tooLarge("body of " + declared + " bytes larger than the limit of " + maxBytes + " bytes");
    }
    boolean gzip = isGzip(request);
    InputStream wire = new LimitedInputStream(new NetworkInputStream(request.getInputStream()), maxBytes, "body");
    if (!gzip) {
      return wire;
    }
    try {
      return new LimitedInputStream(new GZIPInputStream(wire, 64 << 10), maxBytes, "decompressed body");
    } catch (ZipException | EOFException e) {
      throw RefusedRequest.invalid("body is not valid gzip: " + e.getMessage());
    }
  }

  /**
   * Whether the body is gzip-encoded.
   *
   * @throws RefusedRequest 415 for any encoding but gzip and identity
   */
  static boolean isGzip(HttpServletRequest request) {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding == null || encoding.isBlank()) {
      return false;
    }
    String e = encoding.trim().toLowerCase(Locale.ROOT);
    if (e.equals("gzip") || e.equals("x-gzip")) {
      return true;
    }
    if (e.equals("identity")) {
      return false;
    }
    throw new RefusedRequest(415, "unsupported media type",
        "Content-Encoding '" + encoding + "' is not supported (send gzip or identity)");
  }
}
