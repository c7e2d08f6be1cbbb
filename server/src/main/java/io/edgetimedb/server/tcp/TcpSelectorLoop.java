package io.edgetimedb.server.tcp;

import io.edgetimedb.server.mqtt.ThrottledLog;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The one thread that watches every socket: accepts connections (up to {@code
 * tcp.max-connections}, and {@code tcp.max-connections-per-address} from one sender), hands a
 * connection with data waiting to the writer threads and stops watching it until they give it
 * back, and closes connections idle for longer than {@code tcp.idle-timeout} or owing a line end
 * for longer than {@code tcp.line-timeout}. It never reads or parses itself, so a slow database
 * cannot stall accepting. Refusals and timeouts are counted and logged at most once per 10 s.
 */
final class TcpSelectorLoop implements Runnable {
  private static final Logger LOG = System.getLogger(TcpSelectorLoop.class.getName());
  /** How often idle connections are looked for; also bounds how late a stop is noticed. */
  private static final long SWEEP_MILLIS = 1_000;
  private static final long LOG_INTERVAL_MILLIS = 10_000;

  private final Selector selector;
  private final ServerSocketChannel server;
  private final TcpConfig config;
  private final ReadyConnections ready;
  private final TcpStatistics statistics;
  private final AddressSlots slots;
  private final ThrottledLog log = new ThrottledLog(LOG, LOG_INTERVAL_MILLIS, System::currentTimeMillis);
  private final long sweepMillis;
  private final int port;
  private volatile boolean stopping;

  TcpSelectorLoop(TcpConfig config, ReadyConnections ready, TcpStatistics statistics) throws IOException {
    this.config = config;
    this.ready = ready;
    this.statistics = statistics;
    this.slots = new AddressSlots(config.maxConnectionsPerAddress());
    this.sweepMillis = sweepInterval(config);
    this.selector = Selector.open();
    this.server = ServerSocketChannel.open();
    try {
      server.bind(new InetSocketAddress(config.bindHost(), config.port()), 1024);
      server.configureBlocking(false);
      server.register(selector, SelectionKey.OP_ACCEPT);
      port = server.socket().getLocalPort();
    } catch (IOException | RuntimeException e) {
      server.close();
      selector.close();
      throw e;
    }
  }

  int port() {
    return port;
  }

  /** A quarter of the shortest timeout, at most a second: a connection is closed at most 25% late. */
  private static long sweepInterval(TcpConfig config) {
    long interval = SWEEP_MILLIS;
    for (long timeout : new long[] {config.idleTimeoutMillis(), config.lineTimeoutMillis()}) {
      if (timeout > 0) {
        interval = Math.min(interval, Math.max(1, timeout / 4));
      }
    }
    return interval;
  }

  @Override
  public void run() {
    long lastSweep = System.nanoTime();
    while (!stopping) {
      try {
        selector.select(this::onReady, sweepMillis);
        if (System.nanoTime() - lastSweep > sweepMillis * 1_000_000L) {
          closeOverdue();
          lastSweep = System.nanoTime();
        }
      } catch (IOException | RuntimeException | Error e) {
        // one bad key, a selector hiccup or a moment without memory must not end the listener
        LOG.log(Level.WARNING, "TCP listener: " + e, e);
      }
    }
    closeListeningSocket();
  }

  private void closeListeningSocket() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "TCP listener: closing: " + e);
    }
  }

  private void onReady(SelectionKey key) {
    try {
      if (key.isAcceptable()) {
        acceptAll();
      } else if (key.isReadable()) {
        TcpConnection connection = (TcpConnection) key.attachment();
        connection.handOver();
        ready.offer(connection);
      }
    } catch (CancelledKeyException e) {
      // the connection was closed by a writer thread since the selector saw it ready: nothing to do
    }
  }

  private void acceptAll() {
    while (true) {
      SocketChannel channel;
      try {
        channel = server.accept();
      } catch (IOException e) {
        // e.g. out of file descriptors: log, and try again at the next wake-up
        LOG.log(Level.WARNING, "TCP listener cannot accept: " + e);
        return;
      }
      if (channel == null) {
        return;
      }
      register(channel);
    }
  }

  private void register(SocketChannel channel) {
    try {
      InetAddress address = address(channel);
      if (statistics.connectionsOpen() >= config.maxConnections()) {
        statistics.refused();
        refuse(channel, address, config.maxConnections() + " connections open (tcp.max-connections)");
        return;
      }
      if (!slots.take(address)) {
        statistics.refusedPerAddress();
        refuse(channel, address, config.maxConnectionsPerAddress() + " connections open from it "
            + "(tcp.max-connections-per-address)");
        return;
      }
      channel.configureBlocking(false);
      // a sender that vanished (power cut, cable) is found even without tcp.idle-timeout
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      key.attach(new TcpConnection(channel, key, address, config.maxLineLength(), statistics, slots));
      statistics.accepted();
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  /** Closes a connection just accepted: its sender sees the connection end before it could send. */
  private void refuse(SocketChannel channel, InetAddress address, String reason) throws IOException {
    channel.close();
    log.warn("TCP listener: refused a connection from " + address.getHostAddress() + ": " + reason);
  }

  /**
   * The sender's host, without its port: a sensor reconnecting from a new ephemeral port stays
   * one source in {@code sys.sources}, with its counts and clock offset, and one address to limit.
   */
  private static InetAddress address(SocketChannel channel) throws IOException {
    return ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
  }

  private void closeOverdue() {
    long idle = config.idleTimeoutMillis();
    long line = config.lineTimeoutMillis();
    for (SelectionKey key : selector.keys()) {
      if (!(key.attachment() instanceof TcpConnection c)) {
        continue;
      }
      if (line > 0 && c.owesLineEndLongerThan(line)) {
        c.closeForLineTimeout();
        log.warn("TCP listener: closed a connection from " + c.source() + " that completed no line for " + line
            + " ms (tcp.line-timeout)");
      } else if (idle > 0 && c.idleLongerThan(idle)) {
        c.close(true);
      }
    }
  }

  /** Stops accepting and watching; the thread running the loop ends within a wake-up. */
  void stop() {
    stopping = true;
    selector.wakeup();
  }

  /** Closes every connection and the listening socket; call once the loop and the writer threads ended. */
  void closeAll() {
    List<TcpConnection> open = new ArrayList<>();
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof TcpConnection c) {
        open.add(c);
      }
    }
    open.forEach(c -> c.close(false));
    closeListeningSocket();
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "TCP listener: closing: " + e);
    }
  }
}
