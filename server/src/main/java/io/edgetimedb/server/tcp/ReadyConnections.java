package io.edgetimedb.server.tcp;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hand-off from the selector thread to the writer threads: connections with data waiting.
 * Bounded without ever refusing, because a connection is in it at most once (the selector stops
 * watching it until a writer thread is done with it), so it holds at most one entry per
 * connection: what waits here is sockets, not bytes. When the writer threads fall behind the
 * entries wait here unread and the kernel's socket buffers fill, which throttles the senders.
 */
final class ReadyConnections {
  private final BlockingQueue<TcpConnection> queue;
  private final AtomicInteger idleWriters = new AtomicInteger();
  private final TcpStatistics statistics;
  private volatile boolean stopping;

  ReadyConnections(int maxConnections, TcpStatistics statistics) {
    this.queue = new ArrayBlockingQueue<>(maxConnections);
    this.statistics = statistics;
  }

  /** Hands a connection with data waiting to the next free writer thread; counts a pause when none is free. */
  void offer(TcpConnection connection) {
    if (idleWriters.get() <= queue.size()) {
      statistics.paused();
    }
    if (!queue.offer(connection)) {
      throw new IllegalStateException("a connection was handed over twice");
    }
  }

  /**
   * The next connection to drain; blocks. Null once {@link #stop} was called and nothing is left,
   * so connections handed over before the stop are still drained.
   */
  TcpConnection take() throws InterruptedException {
    idleWriters.incrementAndGet();
    try {
      while (true) {
        TcpConnection next = queue.poll(50, TimeUnit.MILLISECONDS);
        if (next != null || stopping) {
          return next;
        }
      }
    } finally {
      idleWriters.decrementAndGet();
    }
  }

  boolean stopping() {
    return stopping;
  }

  void stop() {
    stopping = true;
  }
}
