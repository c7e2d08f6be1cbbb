package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.ReadableFile;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.zip.CRC32C;

/**
 * A read-only verification of a log directory, segment by segment: what a replay would read,
 * where it would stop and why, without repairing anything (unlike {@link WriteAheadLog#replay}
 * and {@link WriteAheadLog#open}). {@link #repair} then fixes what was found, keeping a
 * {@code .bak} copy of every file before it changes. The log must not be open meanwhile.
 */
public final class WalCheck {
  private static final String BACKUP_SUFFIX = ".bak";
  private static final int COPY_CHUNK_BYTES = 1 << 20;

  /** What replay makes of a segment. */
  public enum State {
    /** Read to its end. */
    INTACT,
    /** The last segment ends in an incomplete record, as a power cut leaves it; replay cuts it off. */
    TORN_TAIL,
    /** Damage a power cut cannot explain; replay stops here and sets this segment and all later ones aside. */
    DAMAGED,
    /** After a damaged segment: replay never reads it. */
    UNREACHED
  }

  /**
   * One segment file.
   *
   * @param path the file
   * @param firstSequence the sequence its name announces for its first record
   * @param bytes its size
   * @param records the intact records replay reads from it
   * @param counted the sum of the caller's count over those records (points, say)
   * @param state what replay makes of it
   * @param damageOffset where the first bad record starts (0 for a bad segment header or a
   *     segment whose name breaks the sequence); -1 unless TORN_TAIL or DAMAGED
   * @param damage what is wrong there; null unless TORN_TAIL or DAMAGED
   */
  public record Segment(Path path, long firstSequence, long bytes, long records, long counted, State state,
      long damageOffset, DamageKind damage) {
    /** Bytes replay does not use: from the damage, or the whole file if unreached. */
    public long bytesLost() {
      return switch (state) {
        case INTACT -> 0;
        case TORN_TAIL, DAMAGED -> bytes - damageOffset;
        case UNREACHED -> bytes;
      };
    }
  }

  private final Path dir;
  private final List<Segment> segments;

  private WalCheck(Path dir, List<Segment> segments) {
    this.dir = dir;
    this.segments = List.copyOf(segments);
  }

  /**
   * Reads every segment of the log in {@code dir} as replay would, checking each record's
   * checksum and sequence, and changes nothing. {@code count} is applied to each intact
   * record's payload (a read-only view, valid during the call) and summed per segment.
   */
  public static WalCheck verify(FileSystem fs, Path dir, ToLongFunction<ByteBuffer> count) throws IOException {
    if (!fs.exists(dir)) {
      return new WalCheck(dir, List.of());
    }
    WalReader reader = new WalReader(fs);
    List<WalReader.Segment> files = WalReader.listSegments(fs, dir);
    long[] records = new long[files.size()];
    long[] counted = new long[files.size()];
    WalReader.Scan scan = reader.scan(dir, 1, (sequence, payload) -> {
      records[reader.segmentIndex()]++;
      counted[reader.segmentIndex()] += count.applyAsLong(payload);
    }, ReplayProgressListener.NONE);
    if (!scan.segments().equals(files)) {
      throw new IOException("the log in " + dir + " changed while it was checked; is a database using it?");
    }
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      segments.add(segment(files.get(i), records[i], counted[i], scan.damage(), i));
    }
    return new WalCheck(dir, segments);
  }

  /**
   * What opening the log would find when replaying it from the segment holding {@code
   * fromSequence}, as {@link WriteAheadLog#open} does after a checkpoint: the records handed to
   * {@code consumer}, where the replay stops and what it would cut or set aside. Changes nothing.
   */
  public static ReplayReport replayFrom(FileSystem fs, Path dir, long fromSequence, RecordConsumer consumer)
      throws IOException {
    return WalRecovery.inspect(fs, dir, fromSequence, consumer);
  }

  private static Segment segment(WalReader.Segment file, long records, long counted, WalReader.Damage damage,
      int index) {
    State state = damage == null || index < damage.segmentIndex() ? State.INTACT
        : index > damage.segmentIndex() ? State.UNREACHED
        : damage.tornTail() ? State.TORN_TAIL : State.DAMAGED;
    boolean damaged = state == State.TORN_TAIL || state == State.DAMAGED;
    return new Segment(file.path(), file.firstSequence(), file.size(), records, counted, state,
        damaged ? damage.offset() : -1, damaged ? damage.kind() : null);
  }

  /** The segments in sequence order. */
  public List<Segment> segments() {
    return segments;
  }

  /** Whether every segment is intact. */
  public boolean isClean() {
    return segments.stream().allMatch(s -> s.state() == State.INTACT);
  }

  /**
   * Cuts the log at its first bad record, so that it replays cleanly and appends continue after
   * the last intact record: the damaged segment is truncated there (or, when its header is
   * bad, replaced by an empty segment of the same name, so that the log keeps its place in the
   * sequence), and segments after it are moved aside. Every file is first copied, or moved, to
   * {@code <name>.bak} (or {@code .bak.1}, ...), which replay ignores. Returns the backups.
   */
  public List<Path> repair(FileSystem fs) throws IOException {
    List<Path> backups = new ArrayList<>();
    for (Segment segment : segments) {
      switch (segment.state()) {
        case INTACT -> { }
        case TORN_TAIL, DAMAGED -> backups.add(cut(fs, segment));
        case UNREACHED -> backups.add(moveAside(fs, segment.path()));
      }
    }
    if (!backups.isEmpty()) {
      fs.syncDirectory(dir);
    }
    return backups;
  }

  private Path cut(FileSystem fs, Segment segment) throws IOException {
    if (segment.damageOffset() >= WalSegmentFormat.HEADER_BYTES) {
      Path backup = copyAside(fs, segment.path(), segment.bytes());
      fs.truncate(segment.path(), segment.damageOffset());
      syncFile(fs, segment.path());
      return backup;
    }
    if (segment.damage() == DamageKind.SEQUENCE_GAP) {
      // its name breaks the sequence: the log ends with the segment before it
      return moveAside(fs, segment.path());
    }
    Path backup = moveAside(fs, segment.path());
    try (WritableFile file = fs.openAppend(segment.path())) {
      file.write(WalSegmentFormat.header(segment.firstSequence(), (short) 0, new CRC32C()));
      file.sync();
    }
    return backup;
  }

  private static Path moveAside(FileSystem fs, Path file) throws IOException {
    Path backup = freeBackupName(fs, file);
    fs.rename(file, backup);
    return backup;
  }

  private static Path copyAside(FileSystem fs, Path file, long bytes) throws IOException {
    Path backup = freeBackupName(fs, file);
    ByteBuffer chunk = ByteBuffer.allocate(COPY_CHUNK_BYTES);
    try (ReadableFile in = fs.openRead(file);
        WritableFile out = fs.openAppend(backup)) {
      for (long copied = 0; copied < bytes; copied += chunk.limit()) {
        chunk.clear().limit((int) Math.min(COPY_CHUNK_BYTES, bytes - copied));
        while (chunk.hasRemaining()) {
          if (in.read(chunk, copied + chunk.position()) < 0) {
            throw new EOFException(file + " shrank while it was being copied");
          }
        }
        out.write(chunk.flip());
      }
      out.sync();
    }
    return backup;
  }

  /** A truncation is durable once a handle of the file is synced. */
  private static void syncFile(FileSystem fs, Path file) throws IOException {
    try (WritableFile handle = fs.openAppend(file)) {
      handle.sync();
    }
  }

  /** {@code <name>.bak}, or the first free {@code <name>.bak.n}: an earlier repair's backup is never replaced. */
  public static Path freeBackupName(FileSystem fs, Path file) {
    Path backup = file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
    for (int n = 1; fs.exists(backup); n++) {
      backup = file.resolveSibling(file.getFileName() + BACKUP_SUFFIX + "." + n);
    }
    return backup;
  }
}
