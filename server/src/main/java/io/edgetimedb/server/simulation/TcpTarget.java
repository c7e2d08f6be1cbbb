package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Newline-delimited line protocol over {@code connections} TCP connections, as Telegraf's
 * socket writer or a PLC gateway sends it to a socket listener (InfluxDB's, the server's on
 * 8094). Nanosecond timestamps, the default of those listeners. A sensor always uses the same
 * connection (chosen by its tag), so its readings arrive in the order they were sent.
 *
 * <p>TCP has no acknowledgement: a line counts as delivered once the kernel took it. When a
 * write fails, the lines buffered for that connection since its last successful flush are
 * counted lost (some may have arrived), and the connection is opened again on its next use,
 * at most twice a second, so a server restart costs a moment, not the run.
 */
final class TcpTarget implements SimulationTarget {
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int FLUSH_BYTES = 64 << 10;
  private static final long RECONNECT_PAUSE_NANOS = 500_000_000L;

  private final InetSocketAddress address;
  private final DeliveryCounts counts;
  private final LineProtocolWriter writer = new LineProtocolWriter(Precision.NANOSECONDS);
  private final Connection[] connections;
  private final String name;

  private TcpTarget(TargetAddress target, int connections, DeliveryCounts counts) {
    this.address = new InetSocketAddress(target.host(), target.port());
    this.counts = counts;
    this.connections = new Connection[connections];
    this.name = target.toString();
  }

  /** Opens every connection now, so an unreachable listener fails before the run starts. */
  static TcpTarget open(TargetAddress address, TargetOptions options, DeliveryCounts counts) throws IOException {
    TcpTarget target = new TcpTarget(address, options.connections(), counts);
    try {
      for (int c = 0; c < target.connections.length; c++) {
        target.connections[c] = new Connection();
        target.connections[c].connect(target.address);
      }
    } catch (IOException e) {
      target.close();
      throw e;
    }
    return target;
  }

  @Override
  public void send(PointBatch points) {
    for (int p = 0; p < points.size(); p++) {
      Connection c = connections[Math.floorMod(PointTags.sensor(points, p).hashCode(), connections.length)];
      writer.write(points, p, c.buffer);
      c.pendingLines++;
      if (c.buffer.size() >= FLUSH_BYTES || System.nanoTime() - c.lastFlushNanos >= MAX_HOLD_NANOS) {
        flush(c);
      }
    }
  }

  @Override
  public void flush() {
    for (Connection c : connections) {
      if (c != null && c.pendingLines > 0) {
        flush(c);
      }
    }
  }

  private void flush(Connection c) {
    int lines = c.pendingLines;
    c.pendingLines = 0;
    c.lastFlushNanos = System.nanoTime();
    try {
      if (c.socket == null) {
        if (System.nanoTime() - c.lastAttemptNanos < RECONNECT_PAUSE_NANOS) {
          c.buffer.reset();
          counts.failed("connection failure", "not connected (waiting before the next attempt)", lines);
          return;
        }
        c.connect(address);
      }
      c.buffer.writeTo(c.out);
      c.out.flush();
      counts.delivered(lines);
    } catch (IOException e) {
      counts.failed("connection failure", e.toString(), lines);
      c.disconnect();
    } finally {
      c.buffer.reset();
    }
  }

  @Override
  public void close() {
    flush();
    for (Connection c : connections) {
      if (c != null) {
        c.disconnect();
      }
    }
  }

  @Override
  public String toString() {
    return name + " (" + connections.length + (connections.length == 1 ? " connection)" : " connections)");
  }

  /** One socket with the lines waiting for it. */
  private static final class Connection {
    final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 1024);
    Socket socket;
    OutputStream out;
    int pendingLines;
    long lastFlushNanos = System.nanoTime();
    long lastAttemptNanos;

    void connect(InetSocketAddress address) throws IOException {
      lastAttemptNanos = System.nanoTime();
      Socket s = new Socket();
      try {
        s.setTcpNoDelay(true);
        s.connect(address, CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        s.close();
        throw e;
      }
      socket = s;
      out = s.getOutputStream();
    }

    void disconnect() {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // closing a broken socket: nothing left to save
        }
        socket = null;
        out = null;
      }
    }
  }
}
