package io.edgetimedb.server.udp;

import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ingest.LineChunkWriter;
import io.edgetimedb.server.ingest.PointWriter;
import io.edgetimedb.server.mqtt.ThrottledLog;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.function.LongSupplier;

/**
 * InfluxDB line protocol in UDP datagrams (InfluxDB 1.x's UDP service, Telegraf's {@code
 * socket_writer} with {@code udp://}): each datagram holds one or more whole lines, the last one
 * with or without its line end. Plugged into the server as {@code UdpListener::start}.
 *
 * <p>One thread receives and writes: it waits for a datagram, then takes every datagram already
 * waiting in the socket (up to a chunk) and writes them in one database write. While it writes,
 * arriving datagrams wait in the kernel's receive buffer ({@code udp.receive-buffer}); the
 * listener has no queue of its own. UDP has no flow control, so when the buffer is full the
 * kernel drops datagrams; those drops are read from {@code /proc/net/udp} (see {@link
 * KernelUdpDrops}) and shown next to the listener's own counters. Points are written with source
 * {@code udp}: one write gathers datagrams of many senders.
 */
public final class UdpListener implements Endpoint, Runnable {
  private static final Logger LOG = System.getLogger(UdpListener.class.getName());
  private static final long ERROR_LOG_INTERVAL_MILLIS = 10_000;
  /** The largest UDP payload: a receive with less room silently cuts the datagram. */
  private static final int MAX_DATAGRAM = 65_536;

  private final UdpConfig config;
  private final DatagramChannel channel;
  private final Selector selector;
  private final int port;
  private final LineChunkWriter writer;
  private final LongSupplier clock;
  private final UdpStatistics statistics;
  private final ByteBuffer chunk;
  private final Thread thread;
  private volatile boolean stopping;
  private boolean closed;

  private UdpListener(UdpConfig config, PointWriter pointWriter, LongSupplier clock, UdpStatistics statistics)
      throws IOException {
    this.config = config;
    this.clock = clock;
    this.statistics = statistics;
    this.writer = new LineChunkWriter(pointWriter, config.precision(), statistics.ingest(),
        new ThrottledLog(LOG, ERROR_LOG_INTERVAL_MILLIS, System::currentTimeMillis));
    // room for a full datagram after a chunk, and a line end after it
    this.chunk = ByteBuffer.allocate(config.chunkBytes() + MAX_DATAGRAM + 1);
    this.channel = DatagramChannel.open();
    this.selector = Selector.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
      channel.bind(new InetSocketAddress(config.bindHost(), config.port()));
      channel.configureBlocking(false);
      channel.register(selector, SelectionKey.OP_READ);
      port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
    } catch (IOException | RuntimeException e) {
      channel.close();
      selector.close();
      throw e;
    }
    this.thread = new Thread(this, "edgetimedb-udp");
    this.thread.setDaemon(true);
  }

  /**
   * The {@link io.edgetimedb.server.EndpointFactory}: listens on {@code udp.bind:udp.port} when
   * {@code udp.enabled}, else returns null.
   */
  public static Endpoint start(Server server) throws IOException {
    UdpConfig config = UdpConfig.from(server.settings());
    if (!config.enabled()) {
      return null;
    }
    UdpListener listener = start(config, server.database()::write, System::currentTimeMillis);
    listener.statistics.bindTo(server.metrics().registry());
    listener.statistics.ingest().alsoCountInto(server.metrics());
    return listener;
  }

  /** Starts listening with any writer; {@code clock} gives lines without a timestamp their time. */
  public static UdpListener start(UdpConfig config, PointWriter writer, LongSupplier clock) throws IOException {
    UdpListener listener = new UdpListener(config, writer, clock, new UdpStatistics());
    listener.statistics.kernelDrops(KernelUdpDrops.of(listener.port));
    int granted = listener.channel.getOption(StandardSocketOptions.SO_RCVBUF);
    if (granted < config.receiveBufferBytes()) {
      LOG.log(Level.INFO, "UDP receive buffer: asked for " + config.receiveBufferBytes() + " bytes, the kernel "
          + "granted " + granted + " (raise net.core.rmem_max for more)");
    }
    listener.thread.start();
    return listener;
  }

  public int port() {
    return port;
  }

  public UdpStatistics statistics() {
    return statistics;
  }

  public boolean threadAlive() {
    return thread.isAlive();
  }

  @Override
  public String address() {
    return "udp=" + config.bindHost() + ":" + port;
  }

  @Override
  public void run() {
    while (!stopping) {
      try {
        if (selector.select(1_000) > 0) {
          selector.selectedKeys().clear();
          writeChunk(receiveWaiting());
        }
      } catch (IOException | RuntimeException | Error e) {
        // a failed write was counted and logged by the writer; nothing may end this thread
        if (!stopping) {
          LOG.log(Level.DEBUG, "UDP listener: " + e);
        }
      }
    }
  }

  /** Receives the datagrams waiting in the socket into the chunk, each ending in a line end; returns how many. */
  private int receiveWaiting() throws IOException {
    chunk.clear();
    int count = 0;
    while (chunk.position() < config.chunkBytes()) {
      int before = chunk.position();
      if (channel.receive(chunk) == null) {
        break;
      }
      count++;
      statistics.ingest().bytes(chunk.position() - before);
      if (chunk.position() > before && chunk.get(chunk.position() - 1) != '\n') {
        chunk.put((byte) '\n');
      }
    }
    statistics.received(count);
    return count;
  }

  private void writeChunk(int datagrams) {
    if (datagrams == 0) {
      return;
    }
    writer.begin("udp");
    writer.add(chunk.array(), 0, chunk.position(), clock.getAsLong());
    try {
      writer.finish();
    } catch (RuntimeException e) {
      statistics.dropped(datagrams);
      throw e;
    }
  }

  /** Stops receiving; the chunk being written is finished first. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    selector.wakeup();
    thread.join();
    selector.close();
    channel.close();
  }
}
