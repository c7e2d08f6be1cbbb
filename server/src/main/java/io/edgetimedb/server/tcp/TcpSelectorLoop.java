package io.edgetimedb.server.tcp;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
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
 * tcp.max-connections}), hands a connection with data waiting to the writer threads and stops
 * watching it until they give it back, and closes connections idle for longer than {@code
 * tcp.idle-timeout}. It never reads or parses itself, so a slow database cannot stall accepting.
 */
final class TcpSelectorLoop implements Runnable {
  private static final Logger LOG = System.getLogger(TcpSelectorLoop.class.getName());
  /** How often idle connections are looked for; also bounds how late a stop is noticed. */
  private static final long SWEEP_MILLIS = 1_000;

  private final Selector selector;
  private final ServerSocketChannel server;
  private final TcpConfig config;
  private final ReadyConnections ready;
  private final TcpStatistics statistics;
  private final int port;
  private volatile boolean stopping;

  TcpSelectorLoop(TcpConfig config, ReadyConnections ready, TcpStatistics statistics) throws IOException {
    this.config = config;
    this.ready = ready;
    this.statistics = statistics;
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

  @Override
  public void run() {
    long lastSweep = System.nanoTime();
    while (!stopping) {
      try {
        selector.select(this::onReady, SWEEP_MILLIS);
        if (config.idleTimeoutMillis() > 0 && System.nanoTime() - lastSweep > SWEEP_MILLIS * 1_000_000L) {
          closeIdle();
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
      if (statistics.connectionsOpen() >= config.maxConnections()) {
        statistics.refused();
        channel.close();
        return;
      }
      channel.configureBlocking(false);
      // a sender that vanished (power cut, cable) is found even without tcp.idle-timeout
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      String source = "tcp:" + address(channel);
      SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
      key.attach(new TcpConnection(channel, key, source, config.maxLineLength(), statistics));
      statistics.accepted();
    } catch (IOException e) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
  }

  /**
   * The sender's host, without its port: a sensor reconnecting from a new ephemeral port stays
   * one source in {@code sys.sources}, with its counts and clock offset.
   */
  private static String address(SocketChannel channel) throws IOException {
    return ((InetSocketAddress) channel.getRemoteAddress()).getAddress().getHostAddress();
  }

  private void closeIdle() {
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof TcpConnection c && c.idleLongerThan(config.idleTimeoutMillis())) {
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
