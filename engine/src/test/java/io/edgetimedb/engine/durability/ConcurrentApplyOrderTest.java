package io.edgetimedb.engine.durability;

import static io.edgetimedb.engine.durability.DurableDatabaseTest.dump;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.wal.WriteAheadLog;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable batches are applied outside the ingest lock, each series taking its changes in log
 * order: many writers overwriting the same points must leave what a replay of the log leaves,
 * and a checkpoint taken while they write must recover to the live state.
 */
class ConcurrentApplyOrderTest {
  private static final int WRITERS = 8;
  private static final int SERIES = 4;
  /** Timestamps each batch overwrites in every shared series: enough work that applies overlap. */
  private static final int TIMESTAMPS = 64;
  /** Rounds of a few batches per writer, started together: the end of a round is where a wrong order shows. */
  private static final int ROUNDS = 30;
  private static final int BATCHES_PER_ROUND = 2;
  private static final long TS = 1_700_000_000_000L;

  @TempDir
  Path dir;

  @TempDir
  Path logCopy;

  private DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(32).withDataDirectory(dir).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSegmentBytes(1 << 20));
  }

  @Test
  void conflictingWritesEndWithTheBatchLoggedLastLiveAndAfterReplay() throws Exception {
    Database db = Database.open(config(), new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    for (int round = 0; round < ROUNDS; round++) {
      int first = round * BATCHES_PER_ROUND;
      runWriters(WRITERS, (writer, i) -> db.write(sameTimestampsInEverySeries(writer, first + i)), BATCHES_PER_ROUND);
      double loggedLast = valueOfLastLoggedRecord(logCopy.resolve("round-" + round));
      assertThat(valuesFrom(db, TS)).as("round %d", round).hasSize(SERIES * TIMESTAMPS).containsOnly(loggedLast);
    }
    List<String> live = dump(db);
    // no close: the reopened database replays the log alone
    try (Database replayed = Database.open(config())) {
      assertThat(replayed.recoveryReport().checkpoint()).isNull();
      assertThat(dump(replayed)).isEqualTo(live);
    }
  }

  @Test
  void aCheckpointTakenDuringConcurrentWritesRecoversToTheLiveState() throws Exception {
    Database db = Database.open(config(), new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicReference<Throwable> checkpointFailure = new AtomicReference<>();
    Thread checkpointer = new Thread(() -> {
      try {
        while (writing.get()) {
          db.checkpoint();
        }
      } catch (Throwable t) {
        checkpointFailure.set(t);
      }
    });
    checkpointer.start();
    runWriters(WRITERS, (writer, i) -> {
      db.write(sameTimestampsInEverySeries(writer, i));
      db.write(rowsOfOwnSeries(writer, i));
      if (i % 25 == 24) {
        db.delete("m", TagPredicate.all(), TS + i * 10L - 200, TS + i * 10L - 100);
      }
    }, 150);
    writing.set(false);
    checkpointer.join();
    assertThat(checkpointFailure.get()).isNull();
    List<String> live = dump(db);

    // no close: the reopened database has the newest checkpoint and the log after it
    try (Database recovered = Database.open(config())) {
      assertThat(recovered.recoveryReport().checkpoint()).isNotNull();
      assertThat(dump(recovered)).isEqualTo(live);
      assertThat(recovered.fields("m")).isEqualTo(db.fields("m"));
    }
  }

  /**
   * The same timestamps in every shared series, all with the batch's own value; each writer
   * starts at another series, so batches queue in the series in different orders.
   */
  private static PointBatch sameTimestampsInEverySeries(int writer, int i) {
    PointBatch batch = new PointBatch();
    double value = writer * 1_000_000.0 + i;
    for (int k = 0; k < SERIES; k++) {
      int series = (k + writer) % SERIES;
      for (int t = 0; t < TIMESTAMPS; t++) {
        batch.point("m", TS - TIMESTAMPS + t).tag("s", "shared-" + series).field("v", value);
      }
    }
    return batch;
  }

  /** Rows of the writer's own series and a shared one, some overwriting what another writer wrote. */
  private static PointBatch rowsOfOwnSeries(int writer, int i) {
    PointBatch batch = new PointBatch();
    for (int r = 0; r < 4; r++) {
      long ts = TS + i * 10L + r;
      batch.point("m", ts).tag("s", "own-" + writer).field("v", writer + i * 0.5 + r);
      batch.point("m", ts).tag("s", "shared-" + (r % SERIES)).field("v", -writer - i * 0.25);
      if (i % 10 == 0) {
        batch.point("m", ts).tag("s", "shared-" + r).field("n" + writer, (long) i);
      }
    }
    return batch;
  }

  private static List<Double> valuesFrom(Database db, long to) {
    List<Double> values = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of("m").timeRange(Long.MIN_VALUE, to))) {
      while (c.next()) {
        values.add(c.getDouble(0));
      }
    }
    return values;
  }

  /**
   * Reads the log as it stands (on a copy, so the open database keeps its own) and returns the
   * value its last record carries: the batch's one DOUBLE value ends every record, little-endian.
   */
  private double valueOfLastLoggedRecord(Path copy) throws Exception {
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, copy.resolve(file.getFileName()));
      }
    }
    AtomicReference<byte[]> last = new AtomicReference<>();
    WriteAheadLog log = WriteAheadLog.open(new RealFileSystem(), copy, WalOptions.defaults(), (sequence, payload) -> {
      byte[] bytes = new byte[payload.remaining()];
      payload.duplicate().get(bytes);
      last.set(bytes);
    });
    log.close();
    byte[] record = last.get();
    return ByteBuffer.wrap(record, record.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
  }

  private interface Work {
    void write(int writer, int iteration) throws Exception;
  }

  /** Runs {@code iterations} of the work on each of {@code writers} threads started together. */
  private static void runWriters(int writers, Work work, int iterations) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int i = 0; i < iterations; i++) {
            work.write(writer, i);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      });
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failure.get()).isNull();
  }
}
