package io.edgetimedb.server.tcp;

import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ingest.LineChunkWriter;
import io.edgetimedb.server.ingest.PointWriter;
import io.edgetimedb.server.mqtt.ThrottledLog;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Newline-delimited InfluxDB line protocol over plain TCP, as Telegraf's {@code socket_writer}
 * and {@code socket_listener} speak it (port 8094): many sensors or gateways each keep a
 * connection open and stream lines into it. Plugged into the server as {@code TcpListener::start}.
 *
 * <p><b>Threads and back-pressure.</b> One selector thread ({@link TcpSelectorLoop}) watches every
 * socket; {@code tcp.writer-threads} writer threads ({@link TcpIngestWorker}) read, parse and
 * write. A connection with data waiting is handed to a writer thread and not watched again until
 * its chunk is written, so the listener holds at most one chunk per writer thread plus one
 * unfinished line per connection ({@link TcpConfig#bufferedBytesBound()}), however fast the
 * senders are: when the database is slower, the sockets are simply read later, their kernel
 * buffers fill and TCP flow control makes the senders' writes block.
 *
 * <p><b>No replies.</b> The protocol has no answer channel: bad lines, over-long lines and
 * database refusals are counted ({@link #statistics()}, {@code /metrics}) and logged at most once
 * per 10 s; the connection stays open. Only a failed database write closes the connection, so the
 * sender sees an error. Points are written with source {@code tcp:<remote address>}.
 */
public final class TcpListener implements Endpoint {
  private static final Logger LOG = System.getLogger(TcpListener.class.getName());
  private static final long ERROR_LOG_INTERVAL_MILLIS = 10_000;

  private final TcpConfig config;
  private final TcpStatistics statistics = new TcpStatistics();
  private final ReadyConnections ready;
  private final TcpSelectorLoop loop;
  private final List<Thread> threads = new ArrayList<>();
  private boolean closed;

  private TcpListener(TcpConfig config) throws IOException {
    this.config = config;
    this.ready = new ReadyConnections(config.maxConnections(), statistics);
    this.loop = new TcpSelectorLoop(config, ready, statistics);
  }

  /**
   * The {@link io.edgetimedb.server.EndpointFactory}: listens on {@code tcp.bind:tcp.port} and writes
   * into the server's database; null when {@code tcp.enabled} is false.
   *
   * @throws IOException when the port cannot be bound
   */
  public static Endpoint start(Server server) throws IOException {
    TcpConfig config = TcpConfig.from(server.settings());
    if (!config.enabled()) {
      return null;
    }
    TcpListener listener = start(config, server.database()::write, System::currentTimeMillis);
    listener.statistics.bindTo(server.metrics().registry());
    listener.statistics.ingest().alsoCountInto(server.metrics());
    return listener;
  }

  /**
   * Starts listening with any writer (tests slow it down to see the back-pressure).
   *
   * @param clock epoch milliseconds given to lines without a timestamp
   */
  public static TcpListener start(TcpConfig config, PointWriter writer, LongSupplier clock) throws IOException {
    TcpListener listener = new TcpListener(config);
    ThrottledLog log = new ThrottledLog(LOG, ERROR_LOG_INTERVAL_MILLIS, System::currentTimeMillis);
    for (int i = 0; i < config.writerThreads(); i++) {
      LineChunkWriter chunks = new LineChunkWriter(writer, config.precision(), listener.statistics.ingest(), log);
      listener.startThread(new TcpIngestWorker(config, listener.ready, chunks, listener.statistics, clock),
          "edgetimedb-tcp-writer-" + i);
    }
    listener.startThread(listener.loop, "edgetimedb-tcp-selector");
    return listener;
  }

  private void startThread(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  }

  /** The port listened on (the one picked when {@code tcp.port} is 0). */
  public int port() {
    return loop.port();
  }

  public TcpStatistics statistics() {
    return statistics;
  }

  /** Whether the selector and every writer thread still run: a test's view of "no thread died". */
  public boolean threadsAlive() {
    return threads.stream().allMatch(Thread::isAlive);
  }

  @Override
  public String address() {
    return "tcp=" + config.bindHost() + ":" + port();
  }

  /**
   * Stops accepting and reading; chunks already read are written, the connections handed over
   * before the stop are drained once more, then every connection is closed.
   */
  @Override
  public synchronized void close() throws InterruptedException {
    if (closed) {
      return;
    }
    closed = true;
    loop.stop();
    ready.stop();
    for (Thread thread : threads) {
      thread.join();
    }
    loop.closeAll();
  }
}
