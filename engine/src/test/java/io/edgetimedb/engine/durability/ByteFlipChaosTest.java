package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.DataLossException;
import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, item 1, as chaos: bytes flipped at random offsets of random files of a stopped
 * database's directory (checkpoints, log segments, the spare segment, the lock file), one to three
 * files a round, then the database is opened. Either every acknowledged row is back, bit for bit,
 * or the open is refused with the loss named; a silently smaller (or different) database fails
 * the test. 50 rounds by default, 3,000 with {@code -Dedgetimedb.long=true} ({@code mvn -Plong}).
 *
 * <p>The directory is what a stopped server leaves (SIGTERM: a checkpoint on close), after a
 * workload with background-like checkpoints, so the previous checkpoint and the log since it are
 * there. Not covered: a flip in the last log record after the newest checkpoint of a crashed
 * process reads as the torn write a power cut leaves and is cut (see the README's "Durability").
 */
class ByteFlipChaosTest {
  private static final Path DIR = Path.of("/db");

  private static DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(16).withDataDirectory(DIR).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(4096)
            .withSpareInBackground(false));
  }

  @Test
  void everyFlipEitherLosesNothingOrIsRefusedWithTheLossNamed() throws IOException {
    int rounds = Boolean.getBoolean("edgetimedb.long") ? 3_000 : 50;
    Random random = new Random(12);
    SimulatedFileSystem stopped = new SimulatedFileSystem();
    List<String> acknowledged;
    try (Database db = Database.open(config(), stopped, ReplayProgressListener.NONE)) {
      for (int k = 0; k < 120; k++) {
        db.write(StorageFaultTest.batch(k));
        if (k % 37 == 36) {
          db.checkpoint();
        }
      }
      acknowledged = DurableDatabaseTest.dump(db);
    }
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int round = 0; round < rounds; round++) {
      SimulatedFileSystem fs = stopped.copyOfDurableState();
      List<String> flips = flipRandomBytes(fs, random, 1 + random.nextInt(3));
      String outcome;
      try (Database db = Database.open(config(), fs, ReplayProgressListener.NONE)) {
        assertThat(DurableDatabaseTest.dump(db)).as("round %d, flips %s: opened, so nothing may be missing", round,
            flips).isEqualTo(acknowledged);
        outcome = db.health().current().isEmpty() ? "all back, nothing to say" : "all back, damage raised";
      } catch (DataLossException refused) {
        assertThat(refused.loss().isNone()).isFalse();
        assertThat(refused.getMessage()).contains("recovery would lose");
        outcome = "refused, loss named"; System.out.println("REFUSED " + flips + " " + refused.loss().describe());
      }
      outcomes.merge(outcome, 1, Integer::sum);
    }
    System.out.println("byte-flip chaos, " + rounds + " rounds: " + outcomes);
    assertThat(outcomes).containsKey("refused, loss named").containsKey("all back, damage raised");
  }

  /** Flips one to eight bytes at a random offset of each of {@code files} random files; says where. */
  private static List<String> flipRandomBytes(SimulatedFileSystem fs, Random random, int files) throws IOException {
    List<Path> candidates = new ArrayList<>();
    for (Path file : fs.list(DIR)) {
      if (!file.getFileName().toString().equals("wal")) {
        candidates.add(file);
      }
    }
    candidates.addAll(fs.list(DIR.resolve("wal")));
    List<String> flips = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      Path file = candidates.get(random.nextInt(candidates.size()));
      long size = fs.size(file);
      if (size == 0) {
        flips.add(file.getFileName() + " (empty)");
        continue;
      }
      int length = (int) Math.min(size, 1 + random.nextInt(8));
      long at = random.nextLong(size - length + 1);
      ByteBuffer bytes = ByteBuffer.allocate(length);
      try (var in = fs.openRead(file)) {
        in.read(bytes, at);
      }
      for (int b = 0; b < length; b++) {
        bytes.put(b, (byte) (bytes.get(b) ^ (1 + random.nextInt(255))));
      }
      try (var out = fs.openAppend(file)) {
        out.write(bytes.flip(), at);
        out.sync();
      }
      flips.add(file.getFileName() + "@" + at + "+" + length);
    }
    return flips;
  }
}
