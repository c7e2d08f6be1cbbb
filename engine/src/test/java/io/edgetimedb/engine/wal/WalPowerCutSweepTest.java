package io.edgetimedb.engine.wal;

import static io.edgetimedb.engine.wal.RecordedLog.appendNumbered;
import static io.edgetimedb.engine.wal.RecordedLog.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.vfs.CutPolicy;
import io.edgetimedb.engine.vfs.PowerCutException;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs a fixed workload and cuts the power at every file system operation in turn, with
 * pending writes applied, dropped, torn or garbled at random. After each cut the log must
 * replay exactly a prefix of what was appended that holds every acknowledged record, and must
 * accept appends that a further replay returns.
 */
class WalPowerCutSweepTest {

  private static final Path DIR = Path.of("/data/wal");

  @ParameterizedTest(name = "{0} policy, {1} appends, seed {2}")
  @CsvSource({"ALWAYS, 200, 1", "ALWAYS, 200, 2", "ALWAYS, 200, 3", "GROUP, 40, 1"})
  void everyCutKeepsAPrefixHoldingEveryAcknowledgedRecord(
      FsyncPolicy policy, int appends, long seed) throws IOException {
    WalOptions options = WalOptions.defaults()
        .withFsyncPolicy(policy).withGroupCommitMillis(0).withSegmentBytes(600)
        .withSpareInBackground(false);
    SimulatedFileSystem uncut = new SimulatedFileSystem();
    assertThat(runWorkload(uncut, options, appends)).isEqualTo(appends);
    long operations = uncut.operationCount();
    for (long cutAt = 1; cutAt <= operations; cutAt++) {
      SimulatedFileSystem fs = new SimulatedFileSystem();
      Random random = new Random(seed * 0x9E3779B97F4A7C15L + cutAt);
      fs.cutPowerAtOperation(cutAt, random, CutPolicy.RANDOM);
      long acknowledged = runWorkload(fs, options, appends);
      assertThat(fs.operationCount()).as("cut at %d", cutAt).isEqualTo(cutAt);
      checkRecovery(fs, options, acknowledged, appends, false, "cut at " + cutAt);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @CsvSource({"1", "2"})
  void aCutWhileSettingCorruptionAsideKeepsTheIntactPrefix(long seed) throws IOException {
    WalOptions options = WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSpareInBackground(false)
        .withSegmentBytes(600);
    SimulatedFileSystem corrupted = new SimulatedFileSystem();
    runWorkload(corrupted, options, 100);
    Path victim = RecordedLog.segments(corrupted, DIR).get(2);
    byte[] bytes = RecordedLog.readAll(corrupted, victim);
    bytes[bytes.length / 2] ^= 1;
    RecordedLog.overwrite(corrupted, victim, bytes);
    SimulatedFileSystem uncut = corrupted.copyOfDurableState();
    long start = uncut.operationCount();
    long firstLost = WriteAheadLog.replay(uncut, DIR, new RecordedLog()).corruption()
        .orElseThrow().firstSequenceNotReplayed();
    for (long cutAt = 1; cutAt <= uncut.operationCount() - start; cutAt++) {
      SimulatedFileSystem fs = corrupted.copyOfDurableState();
      fs.cutPowerAtOperation(fs.operationCount() + cutAt,
          new Random(seed * 0x9E3779B97F4A7C15L + cutAt), CutPolicy.RANDOM);
      try {
        WriteAheadLog.replay(fs, DIR, new RecordedLog());
      } catch (PowerCutException expected) {
        // the repair was interrupted; the next recovery must finish it
      }
      String cut = "repair cut at " + cutAt;
      checkRecovery(fs, options, firstLost - 1, (int) firstLost - 1, true, cut);
    }
  }

  /** Appends {@code appends} records and closes; returns how many appends returned. */
  private static long runWorkload(SimulatedFileSystem fs, WalOptions options, int appends)
      throws IOException {
    long acknowledged = 0;
    WriteAheadLog log = null;
    try {
      log = WriteAheadLog.open(fs, DIR, options);
      for (long sequence = 1; sequence <= appends; sequence++) {
        appendNumbered(log, sequence);
        acknowledged = sequence;
      }
      log.close();
    } catch (PowerCutException | WalFailedException cut) {
      closeAfterCut(log);
    }
    return acknowledged;
  }

  /** Stops the syncer thread of a log whose files died with the power. */
  private static void closeAfterCut(WriteAheadLog log) {
    if (log == null) {
      return;
    }
    try {
      log.close();
    } catch (IOException expected) {
      assertThat(expected).isInstanceOf(WalFailedException.class);
    }
  }

  private static void checkRecovery(SimulatedFileSystem fs, WalOptions options,
      long acknowledged, int appends, boolean knownCorruption, String cut) throws IOException {
    RecordedLog replayed = new RecordedLog();
    long recovered;
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, options, replayed)) {
      recovered = replayed.sequences.size();
      if (!knownCorruption) {
        assertThat(log.recoveryReport().corruption()).as(cut).isEmpty();
      }
      assertThat(recovered).as(cut).isBetween(acknowledged, (long) appends);
      assertIntactPrefix(replayed, recovered, cut);
      for (long sequence = recovered + 1; sequence <= recovered + 3; sequence++) {
        assertThat(appendNumbered(log, sequence)).as(cut).isEqualTo(sequence);
      }
    }
    RecordedLog again = new RecordedLog();
    assertThat(WriteAheadLog.replay(fs, DIR, again).isClean()).as(cut).isTrue();
    assertIntactPrefix(again, recovered + 3, cut);
  }

  private static void assertIntactPrefix(RecordedLog replayed, long count, String cut) {
    assertThat(replayed.sequences).as(cut)
        .containsExactlyElementsOf(WriteAheadLogTest.range(1, count));
    for (int i = 0; i < count; i++) {
      assertThat(replayed.payloads.get(i)).as(cut).isEqualTo(payload(i + 1));
    }
  }
}
