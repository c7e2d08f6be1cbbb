package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();

  /** A checkpoint and a log after it in 4 KiB segments, left unclosed as by a crash. */
  @BeforeEach
  void writeAndCrash() {
    Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSegmentBytes(4 << 10)));
    SensorFeed feed = new SensorFeed(10, 5, 1_700_000_000_000L, 1000);
    feed.writeTicks(db, 30);
    db.checkpoint();
    feed.writeTicks(db, 40);
  }

  private int check(String... args) {
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void aCleanDirectoryExitsWithZero() {
    assertThat(check("check", dir.toString())).isZero();
    assertThat(out.toString())
        .contains("ok       checkpoint-00000000000000000030.etc (checkpoint of sequence 30: 10 series, 300 points")
        .containsPattern("ok       wal/wal-\\d{20}\\.log \\(log from sequence \\d+: \\d+ records, \\d+ points")
        .endsWith("clean" + System.lineSeparator());
  }

  @Test
  void aTornLogTailExitsWithOneAndChangesNothing() throws IOException {
    Path last = segments().get(segments().size() - 1);
    byte[] before = Files.readAllBytes(last);
    int end = before.length;
    while (before[end - 1] == 0) {
      end--;
    }
    // segments are preallocated: a torn write leaves a record's first bytes before the zeros
    before[end + 2] = 1;
    before[end + 3] = 2;
    before[end + 4] = 3;
    Files.write(last, before);

    assertThat(check("check", dir.toString())).isEqualTo(1);

    assertThat(out.toString()).containsPattern("torn +wal/" + last.getFileName()
        + " .*: SHORT_PAYLOAD at byte " + end + "; lost: \\d+ bytes of a record that was never completed")
        .contains("damage found; nothing was changed");
    assertThat(Files.readAllBytes(last)).isEqualTo(before);
    assertThat(dir.resolve("wal").resolve(last.getFileName() + ".bak")).doesNotExist();
  }

  @Test
  void aDamagedCheckpointExitsWithOne() throws IOException {
    Path checkpoint = dir.resolve("checkpoint-00000000000000000030.etc");
    byte[] bytes = Files.readAllBytes(checkpoint);
    bytes[bytes.length / 2] ^= 1;
    Files.write(checkpoint, bytes);

    assertThat(check("check", dir.toString())).isEqualTo(1);

    assertThat(out.toString()).contains("damaged  checkpoint-00000000000000000030.etc")
        .contains("body checksum mismatch").contains("lost: nothing: recovery uses no checkpoint and the log after it")
        .contains("a start loses nothing");
  }

  @Test
  void aDamagedCheckpointWhoseLogIsGoneNamesWhatAStartWouldLose() throws IOException {
    Path checkpoint = dir.resolve("checkpoint-00000000000000000030.etc");
    byte[] bytes = Files.readAllBytes(checkpoint);
    bytes[bytes.length / 2] ^= 1;
    Files.write(checkpoint, bytes);
    Files.delete(segments().get(0)); // as a log over checkpoint.fallback-log-limit

    assertThat(check("check", dir.toString())).isEqualTo(1);

    assertThat(out.toString()).containsPattern("lost: log records 1 to \\d+")
        .containsPattern("a start would lose log records 1 to \\d+ .*--accept-loss");
  }

  @Test
  void repairCutsTheDamageKeepsACopyAndExitsWithZero() throws IOException {
    Path damaged = segments().get(1);
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length - 5] ^= 1;
    Files.write(damaged, bytes);

    assertThat(check("check", "--repair", dir.toString())).isZero();

    assertThat(out.toString()).contains("damaged  wal/" + damaged.getFileName())
        .contains("kept " + damaged + ".bak").contains("repaired, clean");
    assertThat(Files.readAllBytes(Path.of(damaged + ".bak"))).isEqualTo(bytes);
    assertThat(Files.size(damaged)).isLessThan(bytes.length);
    out.getBuffer().setLength(0);
    assertThat(check("check", dir.toString())).isZero();
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(check("check")).isEqualTo(2);
    assertThat(check("check", dir.resolve("missing").toString())).isEqualTo(2);
    assertThat(check("check", "--frobnicate", dir.toString())).isEqualTo(2);
    assertThat(out.toString()).contains("not a directory");
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
      return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    }
  }
}
