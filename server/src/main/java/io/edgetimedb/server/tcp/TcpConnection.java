package io.edgetimedb.server.tcp;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One sender's connection: its channel, its unfinished line and whether a writer thread has it.
 * While a writer thread has it, the selector does not watch it for data (see {@link
 * TcpSelectorLoop}), which is how a busy database slows the sender down.
 */
final class TcpConnection {
  private final SocketChannel channel;
  private final SelectionKey key;
  private final String source;
  private final LineAssembler lines;
  private final TcpStatistics statistics;
  /** Set by the selector thread when it hands the connection over, cleared by the writer thread when done. */
  private volatile boolean inFlight;
  private volatile long lastActivityNanos = System.nanoTime();
  private boolean closed;

  TcpConnection(SocketChannel channel, SelectionKey key, String source, int maxLineLength, TcpStatistics statistics) {
    this.channel = channel;
    this.key = key;
    this.source = source;
    this.lines = new LineAssembler(maxLineLength);
    this.statistics = statistics;
  }

  SocketChannel channel() {
    return channel;
  }

  /** {@code tcp:<sender's host>}: who wrote, for the schema history and {@code sys.sources}. */
  String source() {
    return source;
  }

  LineAssembler lines() {
    return lines;
  }

  boolean inFlight() {
    return inFlight;
  }

  /** Stops watching for data: a writer thread is about to take it. Selector thread only. */
  void handOver() {
    inFlight = true;
    key.interestOps(0);
  }

  /** Watches for data again after a writer thread is done with it; the selector sees this at its next wake-up. */
  void resume() {
    lastActivityNanos = System.nanoTime();
    inFlight = false;
    key.interestOps(SelectionKey.OP_READ);
    key.selector().wakeup();
  }

  boolean idleLongerThan(long millis) {
    return !inFlight && System.nanoTime() - lastActivityNanos > millis * 1_000_000L;
  }

  /** Closes the socket and gives back the unfinished line's bytes; idempotent. */
  synchronized void close(boolean idle) {
    if (closed) {
      return;
    }
    closed = true;
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to do for a socket that fails to close
    }
    statistics.buffered(-lines.carried());
    statistics.closed(idle);
  }
}
