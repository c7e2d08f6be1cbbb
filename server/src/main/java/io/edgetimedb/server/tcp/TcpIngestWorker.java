package io.edgetimedb.server.tcp;

import io.edgetimedb.server.ingest.IngestCounters;
import io.edgetimedb.server.ingest.LineChunkWriter;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.util.function.LongSupplier;

/**
 * A writer thread: takes a connection with data waiting, reads what its socket holds (up to one
 * chunk) behind the connection's unfinished line, writes the complete lines in one database write
 * and gives the connection back to the selector. The socket is not read again before the write
 * returned, so a slow database slows the senders instead of filling memory.
 */
final class TcpIngestWorker implements Runnable {
  private static final Logger LOG = System.getLogger(TcpIngestWorker.class.getName());

  private final ReadyConnections ready;
  private final LineChunkWriter writer;
  private final TcpStatistics statistics;
  private final IngestCounters counters;
  private final LongSupplier clock;
  /** Room for the longest unfinished line and one chunk after it. */
  private final byte[] buf;
  private final ByteBuffer view;

  TcpIngestWorker(TcpConfig config, ReadyConnections ready, LineChunkWriter writer, TcpStatistics statistics,
      LongSupplier clock) {
    this.ready = ready;
    this.writer = writer;
    this.statistics = statistics;
    this.counters = statistics.ingest();
    this.clock = clock;
    this.buf = new byte[config.maxLineLength() + config.chunkBytes()];
    this.view = ByteBuffer.wrap(buf);
  }

  @Override
  public void run() {
    try {
      for (TcpConnection c = ready.take(); c != null; c = ready.take()) {
        drainSafely(c);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whatever goes wrong with one connection (a bug included) closes that connection, never this
   * thread: a listener that silently lost its writer threads would stop reading every socket.
   */
  private void drainSafely(TcpConnection c) {
    try {
      drain(c);
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, c.source() + ": closing the connection after an unexpected failure", e);
      c.close(false);
    }
  }

  private void drain(TcpConnection c) {
    int carried = c.lines().restore(buf);
    int end = carried;
    boolean ended = false;
    try {
      view.clear().position(end);
      for (int n = c.channel().read(view); n != 0; n = c.channel().read(view)) {
        if (n < 0) {
          ended = true;
          break;
        }
        end += n;
        statistics.buffered(n);
        counters.bytes(n);
      }
    } catch (IOException e) {
      ended = true; // reset by the peer: what arrived before is still written
    }
    boolean full = end == buf.length;
    ended |= !writeLines(c, end, ended);
    statistics.buffered(-(end - c.lines().carried()));
    giveBack(c, ended, full);
  }

  /** Writes the complete lines of {@code buf[0, end)}; false when the write failed. */
  private boolean writeLines(TcpConnection c, int end, boolean ended) {
    long receivedMillis = clock.getAsLong();
    writer.begin(c.source());
    boolean[] completed = new boolean[1];
    c.lines().split(buf, end, ended, new LineAssembler.Lines() {
      @Override
      public void run(byte[] b, int off, int len) {
        completed[0] |= len > 0;
        writer.add(b, off, len, receivedMillis);
      }

      @Override
      public void tooLong() {
        counters.tooLong();
      }

      @Override
      public void incomplete() {
        counters.incomplete();
      }
    });
    c.drained(completed[0]);
    try {
      writer.finish();
      return true;
    } catch (RuntimeException e) {
      // the database cannot take points (disk full, failed fsync): closing the connection is the
      // only way to tell the sender, which then sees an error on its next write (logged by the writer)
      return false;
    }
  }

  private void giveBack(TcpConnection c, boolean ended, boolean full) {
    if (ended) {
      c.close(false);
    } else if (full && !ready.stopping()) {
      ready.offer(c); // more is waiting in the socket: take a turn behind the others
    } else {
      try {
        c.resume();
      } catch (CancelledKeyException e) {
        c.close(false); // closed by the stop meanwhile
      }
    }
  }
}
