package io.edgetimedb.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client for line-protocol writes: one socket, one request at a
 * time, a Content-Length body, the answer's status read and its body skipped. Cheaper per
 * request than java.net.http, which matters when client and server share two cores.
 */
final class LineProtocolClient implements AutoCloseable {
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] requestHead;
  private final ByteArrayOutputStream answerLine = new ByteArrayOutputStream(256);

  LineProtocolClient(int port, String pathAndQuery) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 8192);
    requestHead = ("POST " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /** Sends one body and returns the answer's status code. */
  int post(byte[] body) throws IOException {
    out.write(requestHead);
    out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    return readAnswer();
  }

  private int readAnswer() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = 0;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        contentLength = Long.parseLong(header.substring(15).trim());
      }
    }
    for (long left = contentLength; left > 0; left--) {
      if (in.read() < 0) {
        throw new IOException("connection closed inside an answer");
      }
    }
    return status;
  }

  private String line() throws IOException {
    answerLine.reset();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside an answer");
      }
      if (b != '\r') {
        answerLine.write(b);
      }
    }
    return answerLine.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
