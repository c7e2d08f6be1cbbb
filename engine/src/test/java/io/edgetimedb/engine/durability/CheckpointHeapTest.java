package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery needs no more heap than the database it loads: a checkpoint of 48 MiB of
 * incompressible values opens in a JVM of 80 MiB, which cannot hold the data twice (the file
 * read whole into one array, then decoded out of it, needed about 96 MiB).
 */
class CheckpointHeapTest {
  private static final long T = 1_700_000_000_000L;
  private static final int BATCHES = 48;
  private static final int VALUES_PER_BATCH = 1_024;

  @TempDir
  Path dir;

  @Test
  void aCheckpointLoadsInAHeapThatHoldsItsDataOnce() throws Exception {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0))) {
      Random random = new Random(12);
      for (int b = 0; b < BATCHES; b++) {
        PointBatch batch = new PointBatch().receivedAt(T + BATCHES * VALUES_PER_BATCH);
        for (int i = 0; i < VALUES_PER_BATCH; i++) {
          byte[] value = new byte[1_024];
          random.nextBytes(value);
          batch.point("blob", T + b * VALUES_PER_BATCH + i).tag("sensor", "s" + i % 8).field("v", value);
        }
        assertThat(db.write(batch).accepted()).isEqualTo(VALUES_PER_BATCH);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".etc")).mapToLong(f -> f.toFile().length())
          .sum()).isGreaterThan(48L << 20);
    }
    Path out = dir.resolve("child.out");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx80m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        OpenAndCount.class.getName(), dir.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();

    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("points " + BATCHES * VALUES_PER_BATCH);
    assertThat(child.exitValue()).isZero();
  }

  /**
   * Opens the database in {@code args[0]}, prints how many points it holds and halts: only the
   * load is measured, not the checkpoint a close would write.
   */
  public static final class OpenAndCount {
    public static void main(String[] args) {
      Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(Path.of(args[0]))
          .withCheckpointIntervalMillis(0));
      long count = 0;
      try (PointCursor rows = db.read(ReadRequest.of("blob"))) {
        while (rows.next()) {
          count++;
        }
      }
      System.out.println("points " + count);
      System.out.flush();
      Runtime.getRuntime().halt(0);
    }
  }
}
