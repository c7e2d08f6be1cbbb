package io.edgetimedb.server.bench;

/** A peer cannot run on this machine (its jar is missing, its server did not start); the message says why. */
public final class PeerUnavailable extends Exception {
  public PeerUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
