package io.edgetimedb.bench.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Hundreds of TCP connections from one host, each sending half a line and then nothing, and a
 * well-behaved sender from another host arriving after them (127.0.0.2: loopback is a /8, so a
 * second address on this machine stands for a second host): the half-line connections must be
 * refused or timed out (a closed socket the sender can see), and the good sender's lines stored.
 * A per-address limit rightly refuses a good sender on the attacker's own address until the line
 * timeout frees its places, so only another host tells whether the attack locks every sender out.
 */
final class SlowlorisAttack implements Attack {
  private static final int PROBE_LINES = 100;
  private static final long PROBE_PATIENCE_NANOS = 2_000_000_000L;
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final InetAddress ATTACKER = InetAddress.getLoopbackAddress();
  private static final InetAddress GOOD_SENDER = loopbackAddress(2);
  private final int connections;
  private int round;

  SlowlorisAttack(int connections) {
    this.connections = connections;
  }

  @Override
  public String name() {
    return "slowloris";
  }

  @Override
  public String description() {
    return connections + " TCP line-protocol connections sending half a line each and then nothing; then a good "
        + "sender's " + PROBE_LINES + " whole lines on a new connection, sent again every 2 s until stored";
  }

  @Override
  public Outcome run(ServerProcess server, long deadlineNanos) throws Exception {
    round++;
    List<Socket> half = new ArrayList<>();
    int refusedAtConnect = 0;
    try {
      for (int i = 0; i < connections && System.nanoTime() < deadlineNanos; i++) {
        try {
          Socket s = connect(server, ATTACKER);
          half.add(s);
          s.getOutputStream().write(("slowloris,conn=" + i + " value=").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
          refusedAtConnect++;
        }
      }
      byte[] lines = probeLines();
      long probeStart = System.nanoTime();
      int attempts = 0;
      long stored = 0;
      while (stored < PROBE_LINES && System.nanoTime() < deadlineNanos) {
        attempts++;
        probe(server, lines);
        stored = awaitProbe(server, Math.min(deadlineNanos, System.nanoTime() + PROBE_PATIENCE_NANOS));
      }
      String probe = String.format("%d of %d lines stored after %d connection(s), %.1f s", stored, PROBE_LINES,
          attempts, (System.nanoTime() - probeStart) / 1e9);
      // the half lines get the whole phase: a server that times them out has had its chance
      Thread.sleep(Math.max(0, Attack.remaining(deadlineNanos).toMillis() - 500));
      return Outcome.of(String.format("%d half-line connections open, %d refused at connect, %d closed by the server "
          + "by the phase end; good sender: %s", half.size(), refusedAtConnect, closedByServer(half), probe),
          stored < PROBE_LINES ? List.of("the good sender was locked out") : List.of());
    } finally {
      for (Socket s : half) {
        s.close();
      }
    }
  }

  /**
   * Sends the good sender's lines on a new connection. A refused sender may see its connection
   * closed only after it wrote, so whether the lines arrived is asked of the database, and a
   * resend writes the same points again.
   */
  private static void probe(ServerProcess server, byte[] lines) {
    try (Socket s = connect(server, GOOD_SENDER)) {
      OutputStream out = s.getOutputStream();
      out.write(lines);
      out.flush();
    } catch (IOException e) {
      // refused: the next attempt tries again, as a sender reconnecting would
    }
  }

  /**
   * The good sender's lines of this round, an hour old, a millisecond apart (nanosecond
   * timestamps), all in one series whatever the round: a series flood that reached
   * ingest.max-series rightly refuses a new series, which is not what this probe asks about.
   */
  private byte[] probeLines() {
    StringBuilder lines = new StringBuilder();
    long t = (System.currentTimeMillis() - 3_600_000L) * 1_000_000L;
    for (int i = 0; i < PROBE_LINES; i++) {
      lines.append("tcpprobe value=").append(i).append("i,round=").append(round).append("i ")
          .append(t + i * 1_000_000L).append('\n');
    }
    return lines.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** Waits for the good sender's lines to be stored until all are or the deadline comes. */
  private long awaitProbe(ServerProcess server, long deadlineNanos) throws InterruptedException {
    long stored = 0;
    while (System.nanoTime() < deadlineNanos) {
      try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tcpprobe WHERE round = " + round)) {
        rs.next();
        stored = rs.getLong(1);
      } catch (SQLException e) {
        stored = 0;
      }
      if (stored >= PROBE_LINES) {
        break;
      }
      Thread.sleep(250);
    }
    return stored;
  }

  private static Socket connect(ServerProcess server, InetAddress from) throws IOException {
    Socket s = new Socket();
    try {
      s.bind(new InetSocketAddress(from, 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.tcpPort()), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Connections on which a read sees the server's close (end of stream or a reset). */
  private static int closedByServer(List<Socket> sockets) throws IOException {
    int closed = 0;
    for (Socket s : sockets) {
      s.setSoTimeout(1);
      try {
        InputStream in = s.getInputStream();
        closed += in.read() < 0 ? 1 : 0;
      } catch (SocketTimeoutException e) {
        // still open: the server has not given up on it
      } catch (IOException e) {
        closed++;
      }
    }
    return closed;
  }

  /** 127.0.0.{@code last}: another address of this machine's loopback network. */
  private static InetAddress loopbackAddress(int last) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
