package io.edgetimedb.server.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.ingest.PointWriter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the database is slower than the sender, the sender's writes stall (TCP flow control)
 * instead of the listener's memory growing; once the database catches up every line arrives.
 */
class TcpBackPressureTest {
  /** A database writer that blocks every write until released: the slowest database there is. */
  private static final class HeldWriter implements PointWriter {
    private final Database db;
    private final CountDownLatch released = new CountDownLatch(1);

    HeldWriter(Database db) {
      this.db = db;
    }

    @Override
    public WriteResult write(PointBatch batch) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return db.write(batch);
    }
  }

  @Test
  void aFastSenderStallsWhileTheDatabaseIsHeldAndTheListenerHoldsBoundedBytes() throws Exception {
    TcpConfig config = TcpConfig.loopback().withChunkBytes(64 << 10).withMaxConnections(4);
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      HeldWriter writer = new HeldWriter(db);
      TcpListener listener = TcpListener.start(config, writer, System::currentTimeMillis);
      try (SocketChannel sender = SocketChannel.open(new InetSocketAddress("127.0.0.1", listener.port()))) {
        byte[] line = "flow,sensor=s1 v=1.25 1700000000000000000\n".getBytes(StandardCharsets.US_ASCII);
        int lines = 2_000_000; // 84 MB: far more than the socket buffers of both ends hold
        ByteBuffer all = ByteBuffer.allocate(line.length * lines);
        for (int i = 0; i < lines; i++) {
          all.put(line);
        }
        all.flip();
        sender.configureBlocking(false);
        long stalledSince = System.nanoTime();
        while (System.nanoTime() - stalledSince < 500_000_000L && all.hasRemaining()) {
          if (sender.write(all) > 0) {
            stalledSince = System.nanoTime();
          } else {
            Thread.sleep(5);
          }
        }
        long sentWhileHeld = all.position();
        assertThat(all.hasRemaining()).as("the sender's writes stalled").isTrue();
        assertThat(sentWhileHeld).isLessThan(all.limit() / 2);
        assertThat(listener.statistics().bufferedBytes()).isLessThanOrEqualTo(config.bufferedBytesBound());
        assertThat(listener.statistics().peakBufferedBytes())
            .isLessThanOrEqualTo((long) config.writerThreads() * (config.chunkBytes() + config.maxLineLength()));

        // both writer threads are held now; more connections with data wait, unread, for a free one
        try (SocketChannel second = SocketChannel.open(new InetSocketAddress("127.0.0.1", listener.port()));
            SocketChannel third = SocketChannel.open(new InetSocketAddress("127.0.0.1", listener.port()))) {
          second.write(ByteBuffer.wrap(line));
          third.write(ByteBuffer.wrap(line));
          assertThat(StoredRows.await(() -> listener.statistics().backPressurePauses() >= 1, 5_000)).isTrue();
          writer.released.countDown();
        }
        sender.configureBlocking(true);
        while (all.hasRemaining()) {
          sender.write(all);
        }
        assertThat(StoredRows.await(() -> listener.statistics().ingest().pointsWritten() == lines + 2, 30_000)).isTrue();
        assertThat(listener.statistics().ingest().linesReceived()).isEqualTo(lines + 2);
        assertThat(listener.statistics().peakBufferedBytes()).isLessThanOrEqualTo(config.bufferedBytesBound());
      } finally {
        writer.released.countDown();
        listener.close();
      }
    }
  }
}
