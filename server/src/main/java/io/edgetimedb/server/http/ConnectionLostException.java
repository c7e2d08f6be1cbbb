package io.edgetimedb.server.http;

import java.io.IOException;

/**
 * Reading the request from the network failed: the client went away or stopped sending. Kept
 * apart from errors in the bytes themselves (a broken gzip stream is the client's mistake and
 * gets a 400; a lost connection gets no answer at all).
 */
final class ConnectionLostException extends IOException {
  private static final long serialVersionUID = 1L;

  ConnectionLostException(IOException cause) {
    super("connection lost while reading the body: " + cause.getMessage(), cause);
  }
}
