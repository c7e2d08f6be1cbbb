package io.edgetimedb.server.simulation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the server's TCP or UDP line-protocol listener (being written elsewhere): it
 * takes what arrives on a loopback port and keeps it, per TCP connection or per datagram, for
 * the test to parse with the engine's parser.
 */
final class LineReceiver implements AutoCloseable {
  private final ServerSocket tcp;
  private final DatagramSocket udp;
  private final List<Thread> threads = new ArrayList<>();
  /** Per TCP connection, everything it sent; or one entry per datagram. */
  private final List<ByteArrayOutputStream> received = new ArrayList<>();

  private LineReceiver(ServerSocket tcp, DatagramSocket udp) {
    this.tcp = tcp;
    this.udp = udp;
  }

  static LineReceiver tcp() throws IOException {
    LineReceiver r = new LineReceiver(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    r.start(r::acceptLoop);
    return r;
  }

  static LineReceiver udp() throws IOException {
    DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setReceiveBufferSize(8 << 20);
    LineReceiver r = new LineReceiver(null, socket);
    r.start(r::datagramLoop);
    return r;
  }

  int port() {
    return tcp != null ? tcp.getLocalPort() : udp.getLocalPort();
  }

  private void start(Runnable loop) {
    Thread t = new Thread(loop, "line-receiver");
    t.setDaemon(true);
    synchronized (threads) {
      threads.add(t);
    }
    t.start();
  }

  private void acceptLoop() {
    try {
      while (true) {
        Socket s = tcp.accept();
        ByteArrayOutputStream own = newEntry();
        start(() -> readAll(s, own));
      }
    } catch (IOException closed) {
      // the test is over
    }
  }

  private static void readAll(Socket s, ByteArrayOutputStream into) {
    try (s; InputStream in = s.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        synchronized (into) {
          into.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the sender went away; what came is kept
    }
  }

  private void datagramLoop() {
    byte[] buf = new byte[65_536];
    try {
      while (true) {
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        udp.receive(packet);
        ByteArrayOutputStream one = newEntry();
        synchronized (one) {
          one.write(packet.getData(), 0, packet.getLength());
        }
      }
    } catch (SocketException closed) {
      // the test is over
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ByteArrayOutputStream newEntry() {
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    synchronized (received) {
      received.add(entry);
    }
    return entry;
  }

  /** What arrived so far: per TCP connection (in accept order) or per datagram (in arrival order). */
  List<byte[]> received() {
    List<byte[]> copy = new ArrayList<>();
    synchronized (received) {
      for (ByteArrayOutputStream entry : received) {
        synchronized (entry) {
          copy.add(entry.toByteArray());
        }
      }
    }
    return copy;
  }

  /** Everything that arrived, concatenated. */
  byte[] all() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    received().forEach(all::writeBytes);
    return all.toByteArray();
  }

  /** Waits until the received bytes hold {@code lines} line ends, or 10 s. */
  boolean awaitLines(int lines) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      int count = 0;
      for (byte b : all()) {
        count += b == '\n' ? 1 : 0;
      }
      if (count >= lines) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    if (tcp != null) {
      tcp.close();
    }
    if (udp != null) {
      udp.close();
    }
  }
}
