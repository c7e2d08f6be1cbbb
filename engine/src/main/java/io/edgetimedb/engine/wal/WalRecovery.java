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
import java.util.Optional;

/**
 * Replays a log and repairs what the replay found, so that appends can continue after the last
 * replayed record and a later replay reads exactly the same records.
 *
 * <ul>
 *   <li>A torn tail is cut off the last segment, durably, before anything new is written: if
 *       the cut were lost, the tail would end up in a segment that is no longer the last one and
 *       would read as corruption.
 *   <li>Corruption sets the damaged segment and every later one aside (renamed, never deleted)
 *       and puts back a copy of the damaged segment's intact prefix, so that new records are
 *       not hidden behind the damage. The order of steps keeps every intermediate state, after
 *       a crash, a log that replays the same prefix.
 * </ul>
 */
final class WalRecovery {

  private static final String TEMPORARY_SUFFIX = ".tmp";
  private static final int COPY_CHUNK_BYTES = 1 << 20;

  private final FileSystem fs;
  private final Path dir;

  private WalRecovery(FileSystem fs, Path dir) {
    this.fs = fs;
    this.dir = dir;
  }

  /** Replays from the segment holding {@code fromSequence} on (see {@link WalReader#scan}) and repairs. */
  static ReplayReport recover(FileSystem fs, Path dir, long fromSequence, RecordConsumer consumer,
      ReplayProgressListener listener) throws IOException {
    return new WalRecovery(fs, dir).recover(fromSequence, consumer, listener);
  }

  /** What {@link #recover} would find and repair, without repairing anything. */
  static ReplayReport inspect(FileSystem fs, Path dir, long fromSequence, RecordConsumer consumer) throws IOException {
    if (!fs.exists(dir)) {
      return new ReplayReport(0, 0, Optional.empty(), Optional.empty());
    }
    return planned(new WalReader(fs).scan(dir, fromSequence, consumer, ReplayProgressListener.NONE));
  }

  private ReplayReport recover(long fromSequence, RecordConsumer consumer, ReplayProgressListener listener)
      throws IOException {
    if (!fs.exists(dir)) {
      ReplayReport empty = new ReplayReport(0, 0, Optional.empty(), Optional.empty());
      consumer.beforeRepair(empty);
      return empty;
    }
    WalReader.Scan scan = new WalReader(fs).scan(dir, fromSequence, consumer, listener);
    consumer.beforeRepair(planned(scan));
    deleteLeftoverCopies();
    WalReader.Damage damage = scan.damage();
    Optional<ReplayReport.TornTail> tornTail = Optional.empty();
    Optional<ReplayReport.Corruption> corruption = Optional.empty();
    if (damage != null && damage.tornTail()) {
      tornTail = Optional.of(cutTornTail(scan.segments().get(damage.segmentIndex()), damage));
    } else if (damage != null) {
      corruption = Optional.of(setAside(scan, damage));
    }
    return new ReplayReport(scan.recordsReplayed(), scan.lastSequence(), tornTail, corruption);
  }

  /** What {@link #recover} is about to repair, with the files under their present names. */
  private static ReplayReport planned(WalReader.Scan scan) {
    WalReader.Damage damage = scan.damage();
    if (damage == null) {
      return new ReplayReport(scan.recordsReplayed(), scan.lastSequence(), Optional.empty(), Optional.empty());
    }
    List<WalReader.Segment> segments = scan.segments();
    WalReader.Segment damaged = segments.get(damage.segmentIndex());
    if (damage.tornTail()) {
      long offset = damage.kind() == DamageKind.BAD_SEGMENT_HEADER ? 0 : damage.offset();
      return new ReplayReport(scan.recordsReplayed(), scan.lastSequence(),
          Optional.of(new ReplayReport.TornTail(damaged.path(), offset, damaged.size() - offset, damage.kind())),
          Optional.empty());
    }
    List<WalReader.Segment> rest = segments.subList(damage.segmentIndex(), segments.size());
    long bytesNotReplayed = rest.stream().mapToLong(WalReader.Segment::size).sum() - damage.offset();
    return new ReplayReport(scan.recordsReplayed(), scan.lastSequence(), Optional.empty(),
        Optional.of(new ReplayReport.Corruption(damaged.path(), damage.offset(), damage.kind(),
            scan.lastSequence() + 1, bytesNotReplayed, rest.stream().map(WalReader.Segment::path).toList(),
            !damage.wantedRecordAfter())));
  }

  /**
   * Copies interrupted by a crash are incomplete and were never part of the log; nor is a spare
   * segment ({@link SpareSegment#FILE_NAME}), whose zeros may not all have reached the disk.
   */
  private void deleteLeftoverCopies() throws IOException {
    for (Path path : fs.list(dir)) {
      String name = path.getFileName().toString();
      if (name.startsWith("wal-") && name.endsWith(TEMPORARY_SUFFIX)) {
        fs.delete(path);
      }
    }
  }

  private ReplayReport.TornTail cutTornTail(WalReader.Segment segment, WalReader.Damage damage)
      throws IOException {
    if (damage.kind() == DamageKind.BAD_SEGMENT_HEADER) {
      // a segment whose header never fully reached the disk holds no acknowledged record
      fs.delete(segment.path());
      fs.syncDirectory(dir);
      return new ReplayReport.TornTail(segment.path(), 0, segment.size(), damage.kind());
    }
    fs.truncate(segment.path(), damage.offset());
    try (WritableFile file = fs.openAppend(segment.path())) {
      file.sync();
    }
    return new ReplayReport.TornTail(
        segment.path(), damage.offset(), segment.size() - damage.offset(), damage.kind());
  }

  private ReplayReport.Corruption setAside(WalReader.Scan scan, WalReader.Damage damage)
      throws IOException {
    List<WalReader.Segment> segments = scan.segments();
    List<Path> setAside = new ArrayList<>();
    for (WalReader.Segment later : segments.subList(damage.segmentIndex() + 1, segments.size())) {
      setAside.add(renameAside(later.path()));
    }
    fs.syncDirectory(dir);
    WalReader.Segment damaged = segments.get(damage.segmentIndex());
    setAside.add(0, setAsideDamagedSegment(damaged, damage));
    fs.syncDirectory(dir);
    long bytesNotReplayed = damaged.size() - damage.offset()
        + segments.subList(damage.segmentIndex() + 1, segments.size()).stream()
            .mapToLong(WalReader.Segment::size).sum();
    return new ReplayReport.Corruption(damaged.path(), damage.offset(), damage.kind(),
        scan.lastSequence() + 1, bytesNotReplayed, List.copyOf(setAside), !damage.wantedRecordAfter());
  }

  /**
   * Keeps a full copy of the damaged segment aside and replaces the live one by its intact
   * prefix. Copying rather than renaming keeps the intact records in the live log at every
   * moment, so a crash in between loses none of them.
   */
  private Path setAsideDamagedSegment(WalReader.Segment damaged, WalReader.Damage damage)
      throws IOException {
    if (damage.recordsBefore() == 0) {
      return renameAside(damaged.path());
    }
    Path aside = SetAsideName.freeFor(fs, damaged.path());
    copyDurably(damaged.path(), aside, damaged.size());
    copyDurably(damaged.path(), damaged.path(), damage.offset());
    return aside;
  }

  private Path renameAside(Path segment) throws IOException {
    Path aside = SetAsideName.freeFor(fs, segment);
    fs.rename(segment, aside);
    return aside;
  }

  /** Writes the first {@code length} bytes of {@code source} to a temporary file, fsyncs it and
   *  renames it to {@code target}; the directory sync is left to the caller. */
  private void copyDurably(Path source, Path target, long length) throws IOException {
    Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
    ByteBuffer chunk = ByteBuffer.allocate(COPY_CHUNK_BYTES);
    try (ReadableFile in = fs.openRead(source);
        WritableFile out = fs.openAppend(temporary)) {
      for (long copied = 0; copied < length; copied += chunk.limit()) {
        chunk.clear().limit((int) Math.min(COPY_CHUNK_BYTES, length - copied));
        readFully(in, chunk, copied);
        out.write(chunk.flip());
      }
      out.sync();
    }
    fs.rename(temporary, target);
  }

  private static void readFully(ReadableFile in, ByteBuffer chunk, long position)
      throws IOException {
    while (chunk.hasRemaining()) {
      if (in.read(chunk, position + chunk.position()) < 0) {
        throw new EOFException("WAL segment shrank while it was being copied");
      }
    }
  }
}
