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
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
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
 * KernelUdpDrops}) and shown next to the listener's own counters. Each sender's datagrams in
 * the chunk are written together, as one batch with source {@code udp:<sender's host>} (see
 * {@link UdpSenders}), so the database can keep per-sender statistics and apply a clock policy
 * per sender: a chunk from k senders costs k writes.
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
  private final UdpSenders senders = new UdpSenders();
  /** Per datagram of the chunk: where it starts; entry {@code count} is the chunk's end. */
  private int[] starts = new int[65];
  /** Per datagram of the chunk: sender id in the high half, datagram index in the low, sorted to group by sender. */
  private long[] bySender = new long[64];
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
    senders.forgetIfFull();
    int count = 0;
    while (chunk.position() < config.chunkBytes()) {
      int before = chunk.position();
      SocketAddress from = channel.receive(chunk);
      if (from == null) {
        break;
      }
      remember(count, before, senders.id(((InetSocketAddress) from).getAddress()));
      count++;
      statistics.ingest().bytes(chunk.position() - before);
      if (chunk.position() > before && chunk.get(chunk.position() - 1) != '\n') {
        chunk.put((byte) '\n');
      }
    }
    starts[count] = chunk.position();
    statistics.received(count);
    return count;
  }

  private void remember(int datagram, int start, int sender) {
    if (datagram == bySender.length) {
      bySender = Arrays.copyOf(bySender, 2 * datagram);
      starts = Arrays.copyOf(starts, 2 * datagram + 1);
    }
    starts[datagram] = start;
    bySender[datagram] = (long) sender << 32 | datagram;
  }

  /**
   * Writes the chunk's datagrams one sender at a time, each sender's in arrival order; a failed
   * write loses only that sender's datagrams.
   */
  private void writeChunk(int datagrams) {
    Arrays.sort(bySender, 0, datagrams);
    long received = clock.getAsLong();
    RuntimeException failure = null;
    int i = 0;
    while (i < datagrams) {
      int sender = (int) (bySender[i] >>> 32);
      int first = i;
      writer.begin(senders.name(sender));
      for (; i < datagrams && (int) (bySender[i] >>> 32) == sender; i++) {
        int d = (int) bySender[i];
        writer.add(chunk.array(), starts[d], starts[d + 1] - starts[d], received);
      }
      try {
        writer.finish();
      } catch (RuntimeException e) {
        statistics.dropped(i - first);
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
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
