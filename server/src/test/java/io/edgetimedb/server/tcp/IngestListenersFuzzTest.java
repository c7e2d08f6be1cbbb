package io.edgetimedb.server.tcp;

import static io.edgetimedb.testsupport.AdversarialValues.byteArrays;
import static io.edgetimedb.testsupport.AdversarialValues.seeds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

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
  /** A failing try can wait 10 s for its good lines, so shrinking stops early. */
  private static final int SHRINK_CYCLES = 20;

  private static Database db;
  private static TcpListener tcp;
  private static UdpListener udp;

  @BeforeAll
  static void start() throws IOException {
    db = Database.open(DatabaseConfig.defaults());
    tcp = TcpListener.start(TcpConfig.loopback().withMaxLineLength(MAX_LINE), db::write, System::currentTimeMillis);
    udp = UdpListener.start(UdpConfig.loopback(), db::write, System::currentTimeMillis);
  }

  @AfterAll
  static void stop() throws Exception {
    if (db != null) {
      tcp.close();
      udp.close();
      db.close();
      db = null;
    }
  }

  /** One try of a property, which sends and waits and so may throw checked exceptions. */
  private interface Try {
    void run() throws Exception;
  }

  /** Runs a try inside a QuickTheories check, which takes unchecked failures only. */
  private static void rethrowing(Try attempt) {
    try {
      attempt.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A piece of a stream: a good line (kept, to be found again) or bytes of anything. */
  record Piece(boolean good, byte[] bytes) {}

  private static Gen<List<Piece>> streams() {
    Gen<Piece> garbage = Generate.oneOf(
        byteArrays(0, 2 * MAX_LINE),
        Generate.pick(TEMPLATES).zip(seeds(), IngestListenersFuzzTest::mutate))
        .map(bytes -> new Piece(false, bytes));
    Gen<Piece> good = Generate.constant(new Piece(true, new byte[0]));
    return lists().of(Generate.frequency(Pair.of(1, good), Pair.of(2, garbage))).ofSizeBetween(1, 12);
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

  @Test
  void tcpKeepsTheGoodLinesOfAnyStreamAndStaysAlive() {
    qt().withExamples(100).withShrinkCycles(SHRINK_CYCLES)
        .forAll(streams(), seeds())
        .checkAssert((pieces, cuts) -> rethrowing(() -> tcpKeepsTheGoodLines(pieces, cuts)));
  }

  private static void tcpKeepsTheGoodLines(List<Piece> pieces, long cuts) throws Exception {
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

  @Test
  void udpKeepsTheGoodLinesOfAnyDatagramAndStaysAlive() {
    qt().withExamples(100).withShrinkCycles(SHRINK_CYCLES)
        .forAll(streams())
        .checkAssert(pieces -> rethrowing(() -> udpKeepsTheGoodLines(pieces)));
  }

  private static void udpKeepsTheGoodLines(List<Piece> pieces) throws Exception {
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
