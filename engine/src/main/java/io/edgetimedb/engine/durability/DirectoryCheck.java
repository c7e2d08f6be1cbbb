package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.wal.ReplayReport;
import io.edgetimedb.engine.wal.WalCheck;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.IntIterator;

/**
 * A read-only verification of a database directory: every checkpoint is read whole and its
 * checksums checked, every log segment is read as recovery would read it, and nothing is
 * changed (opening the database, by contrast, repairs the log). {@link #repair} then moves
 * damaged checkpoints aside and cuts the log at its first bad record, keeping a {@code .bak}
 * copy of each file it changes. The directory must not be in use by a database meanwhile.
 */
public final class DirectoryCheck {
  /** What a file is. */
  public enum FileKind { CHECKPOINT, LOG_SEGMENT }

  /**
   * One checked file.
   *
   * @param path the file
   * @param kind checkpoint or log segment
   * @param state INTACT, or for a checkpoint DAMAGED (it is used whole or not at all), or for
   *     a segment what {@link WalCheck} found
   * @param sequence for a checkpoint the log sequence it covers, for a segment the sequence of
   *     its first record
   * @param bytes the file's size
   * @param records intact log records (segments only)
   * @param series series held (intact checkpoints only)
   * @param points points in the intact records, or in the intact checkpoint
   * @param damageOffset where the first bad record of a segment starts; -1 otherwise
   * @param problem what is wrong; null when intact
   * @param loss what recovery loses because of it, in words; null when intact
   */
  public record CheckedFile(Path path, FileKind kind, WalCheck.State state, long sequence, long bytes,
      long records, long series, long points, long damageOffset, String problem, String loss) {}

  private final FileSystem fs;
  private final Path dir;
  private final List<CheckedFile> files;
  private final WalCheck log;
  private final RecoveryLoss loss;

  private DirectoryCheck(FileSystem fs, Path dir, List<CheckedFile> files, WalCheck log, RecoveryLoss loss) {
    this.fs = fs;
    this.dir = dir;
    this.files = List.copyOf(files);
    this.log = log;
    this.loss = loss;
  }

  /**
   * Checks the database directory {@code dir}.
   *
   * @throws IOException when a file cannot be read at all, or {@code dir} is not a directory
   */
  public static DirectoryCheck run(FileSystem fs, Path dir) throws IOException {
    WalCheck log = WalCheck.verify(fs, logDirectory(dir), DirectoryCheck::pointsIn);
    List<CheckedFile> files = checkCheckpoints(fs, dir, firstLogSequence(log));
    RecoveryLoss loss = recoveryLoss(fs, dir, files);
    for (WalCheck.Segment segment : log.segments()) {
      files.add(checked(segment));
    }
    return new DirectoryCheck(fs, dir, files, log, loss);
  }

  /** What opening the directory would lose, judged as the open judges it (see {@link RecoveryLoss}). */
  private static RecoveryLoss recoveryLoss(FileSystem fs, Path dir, List<CheckedFile> checkpoints)
      throws IOException {
    long loaded = checkpoints.stream().filter(c -> c.state() == WalCheck.State.INTACT)
        .mapToLong(CheckedFile::sequence).max().orElse(0);
    List<RecoveryLoss.DamagedCheckpoint> damaged = checkpoints.stream()
        .filter(c -> c.state() != WalCheck.State.INTACT && c.sequence() > loaded)
        .sorted((a, b) -> Long.compare(b.sequence(), a.sequence()))
        .map(c -> new RecoveryLoss.DamagedCheckpoint(c.path(), c.sequence(), c.problem())).toList();
    long[] first = {0};
    ReplayReport replay = WalCheck.replayFrom(fs, logDirectory(dir), loaded + 1, (sequence, payload) -> {
      if (first[0] == 0) {
        first[0] = sequence;
      }
    });
    return RecoveryLoss.assess(loaded, damaged, first[0] == 0 ? replay.lastSequence() + 1 : first[0], replay);
  }

  /** What opening the directory now would lose; {@link RecoveryLoss#isNone()} when a start loses nothing. */
  public RecoveryLoss recoveryLoss() {
    return loss;
  }

  private static Path logDirectory(Path dir) {
    return dir.resolve("wal");
  }

  /** The checkpoints, newest last; a damaged one's loss depends on what older ones and the log still hold. */
  private static List<CheckedFile> checkCheckpoints(FileSystem fs, Path dir, long firstLogSequence)
      throws IOException {
    List<CheckedFile> checked = new ArrayList<>();
    for (Path file : fs.list(dir)) {
      long sequence = CheckpointFormat.sequenceOf(file);
      if (sequence >= 0) {
        checked.add(checkCheckpoint(fs, file, sequence));
      }
    }
    List<CheckedFile> withLoss = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      CheckedFile file = checked.get(i);
      withLoss.add(file.state() == WalCheck.State.INTACT ? file : withLoss(file, checked, i, firstLogSequence));
    }
    return withLoss;
  }

  private static CheckedFile checkCheckpoint(FileSystem fs, Path file, long sequence) throws IOException {
    long bytes = fs.size(file);
    Catalog catalog = new Catalog();
    try {
      new CheckpointReader(fs).read(file, catalog);
    } catch (IOException damaged) {
      if (!fs.exists(file)) {
        throw damaged;
      }
      return new CheckedFile(file, FileKind.CHECKPOINT, WalCheck.State.DAMAGED, sequence, bytes, 0, 0, 0, -1,
          damaged.getMessage(), null);
    }
    long series = 0;
    long points = 0;
    for (Measurement m : catalog.measurements()) {
      IntIterator ids = m.index().allSeries().getIntIterator();
      while (ids.hasNext()) {
        series++;
        points += catalog.series(ids.next()).points();
      }
    }
    return new CheckedFile(file, FileKind.CHECKPOINT, WalCheck.State.INTACT, sequence, bytes, 0, series, points,
        -1, null, null);
  }

  /**
   * Recovery loads the newest intact checkpoint and replays the log after it, so a damaged
   * checkpoint costs nothing when a newer one is intact, and otherwise the log records
   * between the intact one before it and the start of the log, which no file holds any more.
   */
  private static CheckedFile withLoss(CheckedFile damaged, List<CheckedFile> checkpoints, int index,
      long firstLogSequence) {
    String loss;
    if (checkpoints.subList(index + 1, checkpoints.size()).stream()
        .anyMatch(c -> c.state() == WalCheck.State.INTACT)) {
      loss = "nothing: recovery uses a newer intact checkpoint";
    } else {
      long fallback = checkpoints.subList(0, index).stream().filter(c -> c.state() == WalCheck.State.INTACT)
          .mapToLong(CheckedFile::sequence).max().orElse(0);
      String base = fallback == 0 ? "no checkpoint" : "the checkpoint of sequence " + fallback;
      loss = firstLogSequence <= fallback + 1
          ? "nothing: recovery uses " + base + " and the log after it"
          : "log records " + (fallback + 1) + " to " + (firstLogSequence - 1) + " (what this checkpoint held beyond "
              + base + "): no other file has them";
    }
    return new CheckedFile(damaged.path(), damaged.kind(), damaged.state(), damaged.sequence(), damaged.bytes(), 0,
        0, 0, -1, damaged.problem(), loss);
  }

  private static long firstLogSequence(WalCheck log) {
    return log.segments().isEmpty() ? Long.MAX_VALUE : log.segments().get(0).firstSequence();
  }

  private static CheckedFile checked(WalCheck.Segment segment) {
    String problem = segment.damage() == null ? (segment.state() == WalCheck.State.UNREACHED
        ? "follows a damaged segment" : null) : segment.damage() + " at byte " + segment.damageOffset();
    String loss = switch (segment.state()) {
      case INTACT -> null;
      case TORN_TAIL -> segment.bytesLost() + " bytes of a record that was never completed, so never acknowledged";
      case DAMAGED -> segment.bytesLost() + " bytes from byte " + segment.damageOffset()
          + ": the records from sequence " + (segment.firstSequence() + segment.records()) + " on";
      case UNREACHED -> "the whole file, " + segment.bytes() + " bytes";
    };
    return new CheckedFile(segment.path(), FileKind.LOG_SEGMENT, segment.state(), segment.firstSequence(),
        segment.bytes(), segment.records(), 0, segment.counted(), segment.damageOffset(), problem, loss);
  }

  private static long pointsIn(ByteBuffer payload) {
    byte[] bytes = new byte[payload.remaining()];
    payload.duplicate().get(bytes);
    try {
      return LogRecordFormat.pointsIn(new ByteSource(bytes, 0, bytes.length));
    } catch (CorruptChunkException | IndexOutOfBoundsException e) {
      // the checksum matched, so the writer wrote it so: not a count this check can give
      return 0;
    }
  }

  /** Every checkpoint and log segment, checkpoints first. */
  public List<CheckedFile> files() {
    return files;
  }

  /** Whether every file is intact. */
  public boolean isClean() {
    return files.stream().allMatch(f -> f.state() == WalCheck.State.INTACT);
  }

  /**
   * Repairs what the check found: damaged checkpoints are moved to {@code <name>.bak}, the
   * log is cut at its first bad record ({@link WalCheck#repair}). Returns the backups made;
   * a new {@link #run} shows the result.
   */
  public List<Path> repair() throws IOException {
    List<Path> backups = new ArrayList<>();
    for (CheckedFile file : files) {
      if (file.kind() == FileKind.CHECKPOINT && file.state() != WalCheck.State.INTACT) {
        Path backup = WalCheck.freeBackupName(fs, file.path());
        fs.rename(file.path(), backup);
        backups.add(backup);
      }
    }
    if (!backups.isEmpty()) {
      fs.syncDirectory(dir);
    }
    backups.addAll(log.repair(fs));
    return backups;
  }
}
