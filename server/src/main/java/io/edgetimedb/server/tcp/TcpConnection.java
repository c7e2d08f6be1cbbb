package io.edgetimedb.server.tcp;

import java.io.IOException;
import java.net.InetAddress;
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
  private final InetAddress address;
  private final String source;
  private final LineAssembler lines;
  private final TcpStatistics statistics;
  private final AddressSlots slots;
  /** Set by the selector thread when it hands the connection over, cleared by the writer thread when done. */
  private volatile boolean inFlight;
  private volatile long lastActivityNanos = System.nanoTime();
  /**
   * Whether the sender owes a line end: it holds an unfinished line, or has sent nothing since it
   * connected. A slow-loris sender trickling a line that never ends would otherwise keep its slot
   * until the idle timeout, since every byte counts as activity.
   */
  private volatile boolean owesLineEnd = true;
  /** Since when: the connect, or the last time a line was completed. */
  private volatile long owedSinceNanos = lastActivityNanos;
  private boolean closed;

  TcpConnection(SocketChannel channel, SelectionKey key, InetAddress address, int maxLineLength,
      TcpStatistics statistics, AddressSlots slots) {
    this.channel = channel;
    this.key = key;
    this.address = address;
    this.source = "tcp:" + address.getHostAddress();
    this.lines = new LineAssembler(maxLineLength);
    this.statistics = statistics;
    this.slots = slots;
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

  /**
   * Records what a writer thread's drain left: whether it completed a line and whether an
   * unfinished one is held now. Writer thread, before {@link #resume}.
   */
  void drained(boolean completedLine) {
    boolean midLine = lines.midLine();
    if (completedLine || !midLine) {
      owedSinceNanos = System.nanoTime();
    }
    owesLineEnd = midLine;
  }

  /** Whether the sender owed a line end for longer than {@code millis}; never while a writer thread has it. */
  boolean owesLineEndLongerThan(long millis) {
    return !inFlight && owesLineEnd && System.nanoTime() - owedSinceNanos > millis * 1_000_000L;
  }

  boolean idleLongerThan(long millis) {
    return !inFlight && System.nanoTime() - lastActivityNanos > millis * 1_000_000L;
  }

  /**
   * Closes a connection that owed a line end too long: the sender sees the close, the lines it
   * completed were written, the unfinished one is counted as dropped.
   */
  void closeForLineTimeout() {
    if (lines.midLine()) {
      statistics.ingest().incomplete();
    }
    statistics.lineTimedOut();
    close(false);
  }

  /** Closes the socket and gives back the unfinished line's bytes and the address's slot; idempotent. */
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
    slots.give(address);
  }
}
