package io.edgetimedb.server.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UDP listener over real datagrams on 127.0.0.1, writing into an in-memory database. */
class UdpListenerTest {
  private static final long NOW = 1_764_226_800_000L;

  private Database db;
  private UdpListener listener;
  private DatagramSocket sender;

  @BeforeEach
  void start() throws IOException {
    db = Database.open(DatabaseConfig.defaults());
    listener = UdpListener.start(UdpConfig.loopback(), db::write, () -> NOW);
    sender = new DatagramSocket();
  }

  @AfterEach
  void stop() throws Exception {
    sender.close();
    listener.close();
    db.close();
  }

  private void send(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    sender.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.port()));
  }

  @Test
  void datagramsOfSeveralLinesArriveTheLastLineWithOrWithoutItsLineEnd() throws Exception {
    send("m,s=a v=1 1000000000\nm,s=a v=2 2000000000\n");
    send("m,s=b v=3 3000000000\nm,s=b v=4");
    send("m,s=c v=5 5000000000\r\n");
    assertThat(StoredRows.await(() -> listener.statistics().ingest().pointsWritten() == 5, 10_000)).isTrue();
    assertThat(StoredRows.of(db, "m")).containsExactlyInAnyOrder("1000 s=a v=1.0", "2000 s=a v=2.0",
        "3000 s=b v=3.0", NOW + " s=b v=4.0", "5000 s=c v=5.0");
    assertThat(listener.statistics().datagramsReceived()).isEqualTo(3);
    assertThat(listener.statistics().ingest().linesReceived()).isEqualTo(5);
    assertThat(listener.address()).isEqualTo("udp=127.0.0.1:" + listener.port());
  }

  @Test
  void badLinesAreCountedAndTheGoodOnesOfTheSameDatagramWritten() throws Exception {
    send("m v=1 1000000000\nm v=oops\nm v=2 2000000000\n");
    send("\u0000\u00ff garbage");
    send("m v=3 3000000000");
    assertThat(StoredRows.await(() -> listener.statistics().ingest().pointsWritten() == 3, 10_000)).isTrue();
    assertThat(StoredRows.await(() -> listener.statistics().ingest().refusedByParser() == 2, 10_000)).isTrue();
    assertThat(StoredRows.of(db, "m")).containsExactly("1000  v=1.0", "2000  v=2.0", "3000  v=3.0");
    assertThat(listener.threadAlive()).isTrue();
  }

  @Test
  void eachSendersDatagramsAreWrittenUnderItsOwnName() throws Exception {
    try (DatagramSocket other = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
      for (int i = 0; i < 50; i++) {
        send("m,s=a v=" + i + " " + (1_000_000_000L * (i + 1)));
        byte[] bytes = ("m,s=b v=" + i + "\n").getBytes(StandardCharsets.UTF_8);
        other.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), listener.port()));
      }
      assertThat(StoredRows.await(() -> listener.statistics().ingest().pointsWritten() == 100, 10_000)).isTrue();
    }
    assertThat(db.sources()).extracting(s -> s.source() + " " + s.pointsAccepted() + " " + s.pointsStamped())
        .containsExactlyInAnyOrder("udp:127.0.0.1 50 0", "udp:127.0.0.2 50 50");
  }

  @Test
  void manyDatagramsInABurstAreGatheredAndAllWritten() throws Exception {
    int datagrams = 2_000;
    for (int i = 0; i < datagrams; i++) {
      send("burst,d=" + i + " v=" + i + "i 1700000000000000000\nburst,d=" + i + " w=1i 1700000000000000000\n");
      if (i % 200 == 199) {
        Thread.sleep(2); // stay inside the kernel's receive buffer: loss is the next test's subject
      }
    }
    // lines are counted when parsed, points once their write returned: wait for the points
    assertThat(StoredRows.await(() -> listener.statistics().ingest().pointsWritten() == 2L * datagrams, 10_000))
        .isTrue();
    assertThat(listener.statistics().ingest().linesReceived()).isEqualTo(2L * datagrams);
    assertThat(listener.statistics().datagramsReceived()).isEqualTo(datagrams);
  }
}
