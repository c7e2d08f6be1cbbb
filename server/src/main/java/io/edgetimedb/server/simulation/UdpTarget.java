package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;

/**
 * Line protocol in UDP datagrams, as Telegraf's socket writer sends it to a UDP listener
 * (InfluxDB's, the server's on 8089): each datagram is whole lines, at most
 * {@value #DATAGRAM_BYTES} bytes, so it fits an Ethernet frame (1,500 bytes less IP and UDP
 * headers and room for tunnels) and is never fragmented, where one lost fragment would lose the
 * whole datagram. A line longer than that goes alone. Nanosecond timestamps, the listeners'
 * default.
 *
 * <p>UDP cannot tell whether anybody listens: a datagram counts as delivered once the kernel
 * took it. The only sign of a missing listener is an ICMP "port unreachable" that a later send
 * reports (on a connected socket, as here); it is counted as a connection failure.
 */
final class UdpTarget implements SimulationTarget {
  static final int DATAGRAM_BYTES = 1_400;

  private final DatagramSocket socket;
  private final String name;
  private final DeliveryCounts counts;
  private final LineProtocolWriter writer = new LineProtocolWriter(Precision.NANOSECONDS);
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final ByteArrayOutputStream datagram = new ByteArrayOutputStream(DATAGRAM_BYTES);
  private int datagramLines;
  private long firstLineNanos;

  private UdpTarget(DatagramSocket socket, String name, DeliveryCounts counts) {
    this.socket = socket;
    this.name = name;
    this.counts = counts;
  }

  /** Resolves the host and connects the socket (which for UDP only fixes the peer). */
  static UdpTarget open(TargetAddress address, DeliveryCounts counts) throws IOException {
    InetSocketAddress peer = new InetSocketAddress(address.host(), address.port());
    if (peer.isUnresolved()) {
      throw new IOException("unknown host " + address.host());
    }
    DatagramSocket socket = new DatagramSocket();
    socket.connect(peer);
    return new UdpTarget(socket, address.toString(), counts);
  }

  @Override
  public void send(PointBatch points) {
    for (int p = 0; p < points.size(); p++) {
      line.reset();
      writer.write(points, p, line);
      if (datagram.size() > 0 && datagram.size() + line.size() > DATAGRAM_BYTES) {
        sendDatagram();
      }
      if (datagramLines == 0) {
        firstLineNanos = System.nanoTime();
      }
      datagram.write(line.toByteArray(), 0, line.size());
      datagramLines++;
    }
    if (datagramLines > 0 && System.nanoTime() - firstLineNanos >= MAX_HOLD_NANOS) {
      sendDatagram();
    }
  }

  @Override
  public void flush() {
    if (datagramLines > 0) {
      sendDatagram();
    }
  }

  private void sendDatagram() {
    int lines = datagramLines;
    try {
      socket.send(new DatagramPacket(datagram.toByteArray(), datagram.size()));
      counts.delivered(lines);
    } catch (PortUnreachableException e) {
      counts.failed("connection failure", "port unreachable: nothing listens at " + name, lines);
    } catch (IOException e) {
      counts.failed("send failure", e.toString(), lines);
    } finally {
      datagram.reset();
      datagramLines = 0;
    }
  }

  @Override
  public void close() {
    flush();
    socket.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
