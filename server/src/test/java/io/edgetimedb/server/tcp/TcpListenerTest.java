package io.edgetimedb.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.schema.SchemaChange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP listener over real sockets on 127.0.0.1, writing into an in-memory database. */
class TcpListenerTest {
  private static final long NOW = 1_764_226_800_000L;

  private Database db;
  private TcpListener listener;

  private TcpListener start(TcpConfig config) throws IOException {
    db = Database.open(DatabaseConfig.defaults());
    listener = TcpListener.start(config, db::write, () -> NOW);
    return listener;
  }

  @AfterEach
  void stop() throws Exception {
    if (listener != null) {
      listener.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", listener.port());
    socket.setTcpNoDelay(true);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private boolean awaitPoints(long points) throws InterruptedException {
    return StoredRows.await(() -> listener.statistics().ingest().pointsWritten() >= points, 10_000);
  }

  @Test
  void linesOverOneConnectionArriveWithTheirOwnOrTheReceiveTime() throws Exception {
    start(TcpConfig.loopback());
    try (Socket socket = connect()) {
      send(socket, "boiler,site=A temp=21.5 1700000000000999999\nboiler,site=B temp=22i\n# comment\n\n");
      assertThat(awaitPoints(2)).isTrue();
      assertThat(StoredRows.of(db, "boiler")).containsExactlyInAnyOrder("1700000000000 site=A temp=21.5",
          NOW + " site=B temp=22.0");
      assertThat(db.schemaHistory()).extracting(SchemaChange::source).contains("tcp:127.0.0.1");
    }
    assertThat(listener.statistics().connectionsAccepted()).isEqualTo(1);
    assertThat(listener.statistics().ingest().linesReceived()).isEqualTo(2);
    assertThat(listener.statistics().ingest().bytesReceived()).isPositive();
    assertThat(listener.address()).isEqualTo("tcp=127.0.0.1:" + listener.port());
  }

  @Test
  void linesFrom200ConcurrentConnectionsAllArrive() throws Exception {
    start(TcpConfig.loopback());
    int connections = 200;
    int linesEach = 250;
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int client = c;
        sent.add(pool.submit(() -> {
          try (Socket socket = connect()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < linesEach; i++) {
              text.append("plant,client=c").append(client).append(" v=").append(i).append("i ")
                  .append(1_700_000_000_000L + i).append("000000\n");
              if (i % 50 == 49) {
                send(socket, text.toString()); // several writes per connection, interleaved with the others
                text.setLength(0);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(awaitPoints((long) connections * linesEach)).isTrue();
    assertThat(StoredRows.of(db, "plant")).hasSize(connections * linesEach);
    assertThat(listener.statistics().connectionsAccepted()).isEqualTo(connections);
    assertThat(StoredRows.await(() -> listener.statistics().connectionsOpen() == 0, 5_000)).isTrue();
    assertThat(listener.statistics().bufferedBytes()).isZero();
  }

  @Test
  void linesSentByteByByteArriveWhole() throws Exception {
    start(TcpConfig.loopback());
    String text = "m,k=v a=1.5,b=\"x y\" 1700000000000000000\nm,k=w a=2 1700000000001000000\n";
    try (Socket socket = connect()) {
      for (int i = 0; i < text.length(); i++) {
        send(socket, text.substring(i, i + 1));
        if (i % 8 == 0) {
          Thread.sleep(1); // let the server read the stream in many small pieces
        }
      }
      assertThat(awaitPoints(2)).isTrue();
    }
    assertThat(StoredRows.of(db, "m")).containsExactlyInAnyOrder("1700000000000 k=v a=1.5,b=x y",
        "1700000000001 k=w a=2.0");
    assertThat(listener.statistics().ingest().refusedByParser()).isZero();
  }

  @Test
  void linesCutAtEveryByteBoundaryBetweenTwoWritesArriveWhole() throws Exception {
    start(TcpConfig.loopback());
    String text = "cut,at=%d,k=a v=1.5 1700000000000000000\ncut,at=%d,k=b v=2i\n";
    int length = String.format(text, 10, 10).length();
    for (int cut = 1; cut < length; cut++) {
      String lines = String.format(text, cut + 10, cut + 10); // same length for every cut
      try (Socket socket = connect()) {
        send(socket, lines.substring(0, cut));
        Thread.sleep(2); // so the server reads the first part before the second arrives
        send(socket, lines.substring(cut));
      }
    }
    assertThat(awaitPoints(2L * (length - 1))).isTrue();
    assertThat(StoredRows.of(db, "cut")).hasSize(2 * (length - 1));
    assertThat(listener.statistics().ingest().refusedByParser()).isZero();
    assertThat(listener.statistics().ingest().droppedIncomplete()).isZero();
  }

  @Test
  void anOverLongLineIsSkippedAndCountedWhileTheConnectionAndTheNextLinesStay() throws Exception {
    start(TcpConfig.loopback().withMaxLineLength(256));
    try (Socket socket = connect()) {
      send(socket, "m v=1 1000000000\nm v=" + "9".repeat(400) + " 2000000000\nm v=3 3000000000\n");
      assertThat(awaitPoints(2)).isTrue();
      send(socket, "m v=" + "8".repeat(200));
      Thread.sleep(50);
      send(socket, "8".repeat(200)); // over the limit across reads
      Thread.sleep(50);
      send(socket, "8".repeat(2000) + " 4000000000\nm v=5 5000000000\n");
      assertThat(awaitPoints(3)).isTrue();
    }
    assertThat(StoredRows.of(db, "m")).containsExactly("1000  v=1.0", "3000  v=3.0", "5000  v=5.0");
    assertThat(listener.statistics().ingest().refusedTooLong()).isEqualTo(2);
    assertThat(listener.statistics().connectionsAccepted()).isEqualTo(1);
  }

  @Test
  void badLinesAreCountedAndTheGoodOnesWritten() throws Exception {
    start(TcpConfig.loopback());
    try (Socket socket = connect()) {
      send(socket, "m,s=a v=1 1000000000\nm v=abc\nm\nm,s=b s=2 2000000000\nm,s=c v=4 4000000000\n");
      // counted once the write returned, after the points
      assertThat(StoredRows.await(() -> listener.statistics().ingest().refusedByDatabase() == 1, 10_000)).isTrue();
    }
    assertThat(StoredRows.of(db, "m")).containsExactly("1000 s=a v=1.0", "4000 s=c v=4.0");
    assertThat(listener.statistics().ingest().refusedByParser()).isEqualTo(2);
    assertThat(listener.statistics().ingest().linesReceived()).isEqualTo(5); // one refused: a field named like a tag
  }

  @Test
  void aClientDisconnectingMidLineLeavesEarlierLinesWrittenAndTheListenerHealthy() throws Exception {
    start(TcpConfig.loopback());
    try (Socket socket = connect()) {
      send(socket, "m v=1 1000000000\nm v=2 2000000000\nm v=21");
    }
    assertThat(StoredRows.await(() -> listener.statistics().ingest().droppedIncomplete() == 1, 10_000)).isTrue();
    assertThat(awaitPoints(2)).isTrue();
    assertThat(StoredRows.of(db, "m")).containsExactly("1000  v=1.0", "2000  v=2.0");
    try (Socket reset = connect()) {
      send(reset, "m v=3 3000000000\nm v=");
      reset.setSoLinger(true, 0); // closes with RST instead of FIN
    }
    try (Socket next = connect()) {
      send(next, "m v=4 4000000000\n");
      assertThat(awaitPoints(4)).isTrue();
    }
    assertThat(StoredRows.of(db, "m")).containsExactly("1000  v=1.0", "2000  v=2.0", "3000  v=3.0", "4000  v=4.0");
    assertThat(StoredRows.await(() -> listener.statistics().connectionsOpen() == 0, 5_000)).isTrue();
    assertThat(listener.threadsAlive()).isTrue();
  }

  @Test
  void connectionsOverTheLimitAreClosedOnArrival() throws Exception {
    start(TcpConfig.loopback().withMaxConnections(2));
    try (Socket a = connect(); Socket b = connect()) {
      send(a, "m v=1 1000000000\n");
      send(b, "m v=2 2000000000\n");
      assertThat(awaitPoints(2)).isTrue();
      try (Socket refused = connect()) {
        InputStream in = refused.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(listener.statistics().connectionsRefused()).isEqualTo(1);
    }
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    start(TcpConfig.loopback().withIdleTimeoutMillis(200));
    try (Socket socket = connect()) {
      send(socket, "m v=1 1000000000\n");
      assertThat(awaitPoints(1)).isTrue();
      socket.setSoTimeout(5_000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(StoredRows.await(() -> listener.statistics().connectionsIdleClosed() == 1, 5_000)).isTrue();
    assertThat(listener.statistics().connectionsOpen()).isZero();
  }

  /** Half-line connections from one host until the listener is full: today's lock-out of every other sender. */
  @Test
  void halfLineConnectionsFromOneHostDoNotLockOutAnotherSender() throws Exception {
    start(TcpConfig.loopback());
    List<Socket> flood = new ArrayList<>();
    try {
      for (int i = 0; i < 512; i++) {
        Socket socket = new Socket();
        flood.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", listener.port()));
        send(socket, "m,k=flood v=");
      }
      try (Socket other = new Socket()) {
        other.bind(new InetSocketAddress("127.0.0.2", 0)); // another host: all of 127/8 is loopback
        other.connect(new InetSocketAddress("127.0.0.1", listener.port()));
        send(other, "m,k=other v=1 1000000000\n");
        assertThat(awaitPoints(1)).isTrue();
      }
    } finally {
      for (Socket socket : flood) {
        socket.close();
      }
    }
    assertThat(StoredRows.of(db, "m")).containsExactly("1000 k=other v=1.0");
  }

  private Socket connectFrom(String localAddress) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", listener.port()));
    return socket;
  }

  @Test
  void oneAddressMayHoldItsLimitOfConnectionsAndTheNextIsClosedOnArrival() throws Exception {
    start(TcpConfig.loopback().withMaxConnectionsPerAddress(3));
    try (Socket a = connectFrom("127.0.0.1"); Socket b = connectFrom("127.0.0.1"); Socket c = connectFrom("127.0.0.1")) {
      send(a, "m,k=a v=1 1000000000\n");
      send(b, "m,k=b v=2 2000000000\n");
      send(c, "m,k=c v=3 3000000000\n");
      assertThat(awaitPoints(3)).isTrue();
      try (Socket refused = connectFrom("127.0.0.1")) {
        refused.setSoTimeout(5_000);
        assertThat(refused.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(listener.statistics().connectionsRefusedPerAddress()).isEqualTo(1);
      try (Socket otherHost = connectFrom("127.0.0.3")) {
        send(otherHost, "m,k=d v=4 4000000000\n");
        assertThat(awaitPoints(4)).isTrue();
      }
    }
    assertThat(StoredRows.await(() -> listener.statistics().connectionsOpen() == 0, 5_000)).isTrue();
    try (Socket again = connectFrom("127.0.0.1")) { // the closed connections gave their slots back
      send(again, "m,k=e v=5 5000000000\n");
      assertThat(awaitPoints(5)).isTrue();
    }
    assertThat(listener.statistics().connectionsRefusedPerAddress()).isEqualTo(1);
  }

  @Test
  void aConnectionThatCompletesNoLineIsClosedAfterTheLineTimeoutKeepingItsCompleteLines() throws Exception {
    start(TcpConfig.loopback().withLineTimeoutMillis(300));
    try (Socket trickling = connect(); Socket silent = connect()) {
      send(trickling, "m v=1 1000000000\nm v=2 2000000000\nm v=");
      assertThat(awaitPoints(2)).isTrue();
      trickling.setSoTimeout(5_000);
      silent.setSoTimeout(5_000);
      assertThat(trickling.getInputStream().read()).isEqualTo(-1);
      assertThat(silent.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(StoredRows.await(() -> listener.statistics().connectionsLineTimedOut() == 2, 5_000)).isTrue();
    assertThat(listener.statistics().ingest().droppedIncomplete()).isEqualTo(1); // the silent one dropped nothing
    assertThat(StoredRows.of(db, "m")).containsExactly("1000  v=1.0", "2000  v=2.0");
    assertThat(listener.statistics().connectionsIdleClosed()).isZero();
  }

  @Test
  void aConnectionWhoseLinesAreCompleteOutlivesTheLineTimeout() throws Exception {
    start(TcpConfig.loopback().withLineTimeoutMillis(200));
    try (Socket socket = connect()) {
      send(socket, "m v=1 1000000000\n");
      assertThat(awaitPoints(1)).isTrue();
      Socket other = connect(); // owes a line from the start: closed by the same sweeps
      other.setSoTimeout(5_000);
      assertThat(other.getInputStream().read()).isEqualTo(-1);
      other.close();
      send(socket, "m v=2 2000000000\n");
      assertThat(awaitPoints(2)).isTrue();
    }
    assertThat(listener.statistics().connectionsLineTimedOut()).isEqualTo(1);
  }
}
