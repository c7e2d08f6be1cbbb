package io.edgetimedb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.RealFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a million small records from a real disk and prints the rate. A benchmark, not a
 * check: the only assertion is the record count, because timings vary with the machine.
 */
class WalReplayRateTest {

  private static final int RECORDS = 1_000_000;
  private static final int PAYLOAD_BYTES = 40;

  @TempDir Path dir;

  @Test
  void replaysAMillionSmallRecords() throws IOException {
    FileSystem fs = new RealFileSystem();
    WalOptions options = WalOptions.defaults().withFsyncPolicy(FsyncPolicy.OS)
        .withSegmentBytes(16L << 20);
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
    long writeStart = System.nanoTime();
    try (WriteAheadLog log = WriteAheadLog.open(fs, dir, options)) {
      for (int i = 0; i < RECORDS; i++) {
        payload.putLong(0, i);
        log.append(payload);
      }
    }
    long writeNanos = System.nanoTime() - writeStart;
    long bytes = RecordedLog.segments(fs, dir).stream().mapToLong(path -> sizeOf(fs, path)).sum();

    long[] checksum = new long[1];
    long replayStart = System.nanoTime();
    ReplayReport report = WriteAheadLog.replay(fs, dir,
        (sequence, record) -> checksum[0] += record.getLong(record.position()));
    long replayNanos = System.nanoTime() - replayStart;

    assertThat(report.recordsReplayed()).isEqualTo(RECORDS);
    assertThat(checksum[0]).isEqualTo((long) RECORDS * (RECORDS - 1) / 2);
    System.out.printf("WAL append (OS policy): %,d records, %.1f MB in %.2f s: %,.0f records/s%n",
        RECORDS, bytes / 1e6, writeNanos / 1e9, RECORDS / (writeNanos / 1e9));
    System.out.printf("WAL replay: %,d records, %.1f MB in %.2f s: %,.0f records/s, %.0f MB/s%n",
        RECORDS, bytes / 1e6, replayNanos / 1e9, RECORDS / (replayNanos / 1e9),
        bytes / 1e6 / (replayNanos / 1e9));
  }

  private static long sizeOf(FileSystem fs, Path path) {
    try {
      return fs.size(path);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
