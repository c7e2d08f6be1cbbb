package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.testsupport.CrashHarness.KillMoment;
import io.edgetimedb.testsupport.CrashHarness.Outcome;
import io.edgetimedb.testsupport.CrashHarness;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments (in writes, checkpoints, segment
 * rotations, and in its own startup recovery), then checks the directory it left: every
 * acknowledged batch is there bit for bit, every batch is there whole or not at all, and each
 * writer's batches are there without gaps. The next child continues in the same directory, so
 * each recovery starts from what an earlier recovery and a later kill left.
 *
 * <p>The check runs on a copy of the directory, so the child, not the check, is the first to
 * recover it. 20 kills by default; 1,000 with {@code -Dedgetimedb.long=true} ({@code mvn -Plong}).
 */
class CrashRecoveryTest {
  private static final int WRITERS = 2;
  private static final long MAX_DELAY_MILLIS = 300;
  /** One kill in this many lands somewhere in the child's start and recovery instead. */
  private static final int STARTUP_KILL_ONE_IN = 6;

  @TempDir
  Path work;

  private int kills;
  private int killsMidCheckpoint;
  private long batchesAcknowledged;
  private long batchesPresentAtTheEnd;

  @Test
  void acknowledgedBatchesSurviveKillsUnderGroupAndAlwaysFsync() throws Exception {
    int killsPerPolicy = Boolean.getBoolean("edgetimedb.long") ? 500 : 10;
    SplittableRandom random = new SplittableRandom(Long.getLong("edgetimedb.crash.seed", 20240611L));
    for (FsyncPolicy policy : List.of(FsyncPolicy.GROUP, FsyncPolicy.ALWAYS)) {
      killRepeatedly(policy, killsPerPolicy, random);
    }
    System.out.printf("crash recovery: %d kills (%d during a checkpoint), %,d batches acknowledged and all of them"
        + " verified present after every later kill; %,d batches (%,d points) at the end%n", kills, killsMidCheckpoint,
        batchesAcknowledged, batchesPresentAtTheEnd, batchesPresentAtTheEnd * CrashWorkload.POINTS);
    assertThat(kills).isEqualTo(2 * killsPerPolicy);
    assertThat(batchesAcknowledged).isPositive();
  }

  private void killRepeatedly(FsyncPolicy policy, int times, SplittableRandom random) throws Exception {
    Path dir = Files.createDirectory(work.resolve(policy.name().toLowerCase()));
    Path logs = Files.createDirectory(work.resolve(policy + "-logs"));
    CrashHarness harness = new CrashHarness(CrashWorkloadWriter.class, logs);
    long[] next = new long[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
      next[w] = w;
    }
    for (int round = 0; round < times; round++) {
      Outcome outcome = harness.run(arguments(dir, policy, next), moment(random));
      assertThat(outcome.killed()).as("the child died before the kill: %s", outcome.errors()).isTrue();
      kills++;
      killsMidCheckpoint += checkpointInProgress(dir) ? 1 : 0;
      batchesAcknowledged += outcome.acknowledged().size();
      next = verifyCopyOf(dir, outcome.acknowledged(), next, policy + " round " + round);
    }
    batchesPresentAtTheEnd += batchesIn(next);
  }

  private static List<String> arguments(Path dir, FsyncPolicy policy, long[] next) {
    List<String> args = new ArrayList<>(List.of(dir.toString(), policy.name()));
    for (long start : next) {
      args.add(Long.toString(start));
    }
    return args;
  }

  private static KillMoment moment(SplittableRandom random) {
    long delay = random.nextLong(MAX_DELAY_MILLIS + 1);
    return random.nextInt(STARTUP_KILL_ONE_IN) == 0 ? KillMoment.afterStart(delay) : KillMoment.afterFirstAck(delay);
  }

  /**
   * A checkpoint's temporary file left behind means the kill interrupted one (each child
   * deletes those of earlier kills as it opens the directory).
   */
  private static boolean checkpointInProgress(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".etc.tmp"));
    }
  }

  /**
   * Opens a copy of the killed child's directory and checks it; returns where each writer
   * continues: its first batch that is not there.
   */
  private long[] verifyCopyOf(Path dir, List<Long> acknowledged, long[] started, String round) throws IOException {
    Path copy = work.resolve("check");
    DirectoryTrees.delete(copy);
    copyTree(dir, copy);
    Map<Long, Integer> present;
    try (Database db = Database.open(CrashWorkload.config(copy, FsyncPolicy.GROUP).withCheckpointIntervalMillis(0))) {
      present = pointsByBatch(db, round);
    }
    long[] next = new long[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
      next[w] = verifyWriter(w, present, acknowledged, started[w], round);
    }
    assertThat((long) present.size()).as("%s: batches present beyond each writer's unbroken run", round)
        .isEqualTo(batchesIn(next));
    return next;
  }

  /** How many batches the writers' unbroken runs up to {@code next} hold. */
  private static long batchesIn(long[] next) {
    long batches = 0;
    for (int w = 0; w < WRITERS; w++) {
      batches += (next[w] - w) / WRITERS;
    }
    return batches;
  }

  /**
   * Writer w's batches w, w + n, ... must be present in an unbroken run that covers every one
   * it acknowledged, and that ends at most one batch (the one in flight at the kill) after the
   * last acknowledged one. Returns the first batch after the run.
   */
  private static long verifyWriter(int w, Map<Long, Integer> present, List<Long> acknowledged, long started,
      String round) {
    long lastAcknowledged = acknowledged.stream().filter(k -> k % WRITERS == w).mapToLong(Long::longValue)
        .max().orElse(started - WRITERS);
    long next = w;
    while (present.containsKey(next)) {
      next += WRITERS;
    }
    assertThat(next).as("%s: writer %d acknowledged batch %d, but only batches before %d are all there",
        round, w, lastAcknowledged, next).isGreaterThan(lastAcknowledged);
    assertThat(next).as("%s: writer %d has batches there that it cannot have written yet", round, w)
        .isLessThanOrEqualTo(lastAcknowledged + 2L * WRITERS);
    assertThat(next).as("%s: writer %d lost batches it had before this round", round, w)
        .isGreaterThanOrEqualTo(started);
    return next;
  }

  /**
   * Reads every point back and checks each against what its batch must hold, bit for bit;
   * returns the number of points found per batch after checking that each batch is whole.
   */
  private static Map<Long, Integer> pointsByBatch(Database db, String round) {
    Map<Long, Integer> counts = new HashMap<>();
    if (!db.measurements().contains(CrashWorkload.MEASUREMENT)) {
      return counts;
    }
    try (PointCursor c = db.read(ReadRequest.of(CrashWorkload.MEASUREMENT).fields("value", "count"))) {
      while (c.next()) {
        long batch = CrashWorkload.batchOf(c.timestamp());
        int j = CrashWorkload.pointOf(c.timestamp());
        int s = Integer.parseInt(c.tag(c.tagKeys().indexOf("series")).substring(1));
        assertThat(Double.doubleToRawLongBits(c.getDouble(0))).as("%s: value bits of batch %d, series %d, point %d",
            round, batch, s, j).isEqualTo(Double.doubleToRawLongBits(CrashWorkload.value(batch, s, j)));
        assertThat(c.getLong(1)).as("%s: count of batch %d, series %d, point %d", round, batch, s, j)
            .isEqualTo(CrashWorkload.count(batch, s, j));
        counts.merge(batch, 1, Integer::sum);
      }
    }
    counts.forEach((batch, points) -> assertThat(points).as("%s: points of batch %d (all or nothing)", round, batch)
        .isEqualTo(CrashWorkload.POINTS));
    return counts;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Files.copy(source, to.resolve(from.relativize(source).toString()));
      }
    }
  }

}
