package io.edgetimedb.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.server.udp.UdpConfig;
import io.edgetimedb.server.udp.UdpListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and mutated line-protocol bytes sent to both listeners, mixed with good lines: no
 * listener thread dies (each try ends with its good lines written, which needs a live listener),
 * and every good line in the same stream or datagram is kept, whatever surrounds it.
 */
class IngestListenersFuzzTest {
  private static final int MAX_LINE = 512;
  private static final List<String> TEMPLATES = List.of(
      "fuzz,site=A,sensor=t1 value=21.5,state=\"on\",n=3i,ok=true 1700000000000000000",
      "fuzz,site=B value=-1.5e3,u=7u",
      "fuzz\\ m,k\\=1=v\\,w f=\"quoted \\\" string\" 17",
      "# a comment",
      "fuzz v=1 -9223372036854775808");
  /** Bytes that mean something in line protocol. */
  private static final byte[] SPECIAL = "\\\"=, \n\r\t#i".getBytes(StandardCharsets.UTF_8);
  private static final AtomicInteger TRY = new AtomicInteger();

  private static Database db;
  private static TcpListener tcp;
  private static UdpListener udp;

  private static synchronized void startOnce() throws IOException {
    if (db == null) {
      db = Database.open(DatabaseConfig.defaults());
      tcp = TcpListener.start(TcpConfig.loopback().withMaxLineLength(MAX_LINE), db::write, System::currentTimeMillis);
      udp = UdpListener.start(UdpConfig.loopback(), db::write, System::currentTimeMillis);
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    if (db != null) {
      tcp.close();
      udp.close();
      db.close();
      db = null;
    }
  }

  /** A piece of a stream: a good line (kept, to be found again) or bytes of anything. */
  record Piece(boolean good, byte[] bytes) {}

  @Provide
  Arbitrary<List<Piece>> streams() {
    Arbitrary<Piece> garbage = Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2 * MAX_LINE),
        Combinators.combine(Arbitraries.of(TEMPLATES), Arbitraries.longs()).as(IngestListenersFuzzTest::mutate))
        .map(bytes -> new Piece(false, bytes));
    Arbitrary<Piece> good = Arbitraries.just(new Piece(true, new byte[0]));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, good), net.jqwik.api.Tuple.of(2, garbage))
        .list().ofMinSize(1).ofMaxSize(12);
  }

  /** A template line with a few random byte flips, deletions, insertions and duplications. */
  private static byte[] mutate(String template, long seed) {
    Random random = new Random(seed);
    List<Byte> bytes = new ArrayList<>();
    for (byte b : template.getBytes(StandardCharsets.UTF_8)) {
      bytes.add(b);
    }
    for (int m = random.nextInt(4); m >= 0 && !bytes.isEmpty(); m--) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(4)) {
        case 0 -> bytes.set(at, (byte) random.nextInt(256));
        case 1 -> bytes.remove(at);
        case 2 -> bytes.add(at, SPECIAL[random.nextInt(SPECIAL.length)]);
        default -> bytes.addAll(at, new ArrayList<>(bytes.subList(at, Math.min(bytes.size(), at + random.nextInt(40)))));
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static String goodLine(int attempt, int index) {
    return "kept,try=" + attempt + ",i=" + index + " v=" + index + "i 1700000000000000000\n";
  }

  private static List<String> expectedRows(int attempt, int goodLines) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < goodLines; i++) {
      rows.add("1700000000000 i=" + i + ",try=" + attempt + " v=" + i);
    }
    return rows;
  }

  /** The stream's bytes; every piece ends with a line end so a good line is never glued to garbage. */
  private static int render(List<Piece> pieces, int attempt, List<byte[]> into) {
    int good = 0;
    for (Piece piece : pieces) {
      byte[] bytes = piece.good() ? goodLine(attempt, good++).getBytes(StandardCharsets.UTF_8) : piece.bytes();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(bytes);
      out.write('\n');
      into.add(out.toByteArray());
    }
    return good;
  }

  @Property(tries = 100)
  void tcpKeepsTheGoodLinesOfAnyStreamAndStaysAlive(@ForAll("streams") List<Piece> pieces, @ForAll long cuts)
      throws Exception {
    startOnce();
    int attempt = TRY.incrementAndGet();
    List<byte[]> parts = new ArrayList<>();
    int good = render(pieces, attempt, parts);
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    parts.forEach(stream::writeBytes);
    stream.writeBytes(goodLine(attempt, good++).getBytes(StandardCharsets.UTF_8)); // a good line after anything
    byte[] all = stream.toByteArray();
    Random random = new Random(cuts);
    try (Socket socket = new Socket("127.0.0.1", tcp.port())) {
      socket.setTcpNoDelay(true);
      OutputStream out = socket.getOutputStream();
      for (int at = 0; at < all.length; ) {
        int n = Math.min(all.length - at, 1 + random.nextInt(200));
        out.write(all, at, n);
        out.flush();
        at += n;
      }
    }
    List<String> expected = expectedRows(attempt, good);
    assertThat(StoredRows.await(() -> StoredRows.of(db, "kept").containsAll(expected), 10_000))
        .as("good lines of try %d", attempt).isTrue();
    assertThat(tcp.threadsAlive()).isTrue();
  }

  @Property(tries = 100)
  void udpKeepsTheGoodLinesOfAnyDatagramAndStaysAlive(@ForAll("streams") List<Piece> pieces) throws Exception {
    startOnce();
    int attempt = TRY.incrementAndGet();
    List<byte[]> parts = new ArrayList<>();
    int good = render(pieces, attempt, parts);
    parts.add(goodLine(attempt, good++).getBytes(StandardCharsets.UTF_8));
    try (DatagramSocket sender = new DatagramSocket()) {
      // pieces two at a time per datagram: garbage and good lines share datagrams
      for (int i = 0; i < parts.size(); i += 2) {
        ByteArrayOutputStream datagram = new ByteArrayOutputStream();
        datagram.writeBytes(parts.get(i));
        if (i + 1 < parts.size()) {
          datagram.writeBytes(parts.get(i + 1));
        }
        byte[] bytes = datagram.toByteArray();
        sender.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), udp.port()));
      }
    }
    List<String> expected = expectedRows(attempt, good);
    assertThat(StoredRows.await(() -> StoredRows.of(db, "kept").containsAll(expected), 10_000))
        .as("good lines of try %d", attempt).isTrue();
    assertThat(udp.threadAlive()).isTrue();
  }
}
