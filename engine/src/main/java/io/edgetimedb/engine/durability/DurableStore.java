package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.series.SeriesImage;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.wal.WalStatus;
import io.edgetimedb.engine.wal.WriteAheadLog;
import io.edgetimedb.engine.write.BatchWriter;
import io.edgetimedb.engine.write.PendingWrite;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.QueuedDelete;
import io.edgetimedb.engine.write.WriteResult;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.roaringbitmap.RoaringBitmap;

/**
 * The durable side of a database directory: the write-ahead log in {@code wal/} and checkpoint
 * files beside it.
 *
 * <p>A replay applies the log one record after another, so the live database must end up as if
 * it had done the same: every decision (refused late points, widenings, last write wins per
 * series, timestamp and field, a delete against the points around it) must come out as the
 * replay's. Applying every batch under one lock gave that, but serialized the most expensive
 * part of a write. Instead, each series keeps its changes in log order by itself
 * ({@link io.edgetimedb.engine.series.ApplyTurns}):
 * <ol>
 *   <li>Unlocked: the batch is checked and its record encoded (re-done under the lock if a
 *       drop made the check stale).
 *   <li>Under the ingest lock, briefly: the record is logged (its sequence fixes its place),
 *       the measurements, series and fields it adds are created and fields widened (so ids
 *       are handed out in log order, as the replay hands them out), and each point draws a turn
 *       in its series. Deletes draw a turn in each series they touch; drops and declarations
 *       change only the catalog and run whole under the lock.
 *   <li>Unlocked: each point is applied once its series' turn comes, then the write waits for
 *       its fsync, sharing it with concurrent writers.
 * </ol>
 * Why this equals the replay: the only state a point's apply reads or changes is its own
 * series' (rows, newest timestamp, applied sequence); the schema it reads was settled in step
 * 2 in log order and only grows (a field a later batch widens meanwhile changes how a value is
 * stored, never how it reads back). Turns are drawn under the lock that also orders the log, so
 * each series receives its changes in log order, and a batch's turns in one series are
 * consecutive, so nothing comes between its points. Different series share no state, so the
 * order between them does not matter. A point of a series dropped after the point was queued
 * lands in the forgotten series, as the replay loses it with the drop. No wait forms a cycle:
 * the oldest queued change is first in every series it touches.
 *
 * <p>A checkpoint reads the last logged sequence under the lock, then images each series in a
 * turn drawn after that: the image holds every record up to that sequence and no half batch.
 * Later records the image also holds are skipped per series by the replay (each series
 * remembers the last sequence applied to it). A reader may see a later batch's points before
 * an earlier one's in another series; neither was acknowledged yet.
 */
public final class DurableStore implements Closeable {
  private final FileSystem fs;
  private final Path dir;
  private final Catalog catalog;
  private final WriteAheadLog log;
  private final RecoveryReport recovery;
  private final ReentrantLock ingest = new ReentrantLock();
  private final ByteSink record = new ByteSink(1 << 16);
  private final ThreadLocal<ByteSink> recordBuffers = ThreadLocal.withInitial(() -> new ByteSink(1 << 16));
  private final CheckpointWriter checkpointWriter;
  private long checkpointSequence;
  private volatile CheckpointStatus checkpointStatus = CheckpointStatus.NONE;

  private DurableStore(FileSystem fs, Path dir, Catalog catalog, WriteAheadLog log, RecoveryReport recovery) {
    this.fs = fs;
    this.dir = dir;
    this.catalog = catalog;
    this.log = log;
    this.recovery = recovery;
    this.checkpointWriter = new CheckpointWriter(fs);
    this.checkpointSequence = recovery.checkpointSequence();
  }

  /**
   * Opens (creating if needed) the directory: loads the newest checkpoint that is intact, then
   * replays the log after it into {@code catalog} through {@code writer}.
   */
  public static DurableStore open(FileSystem fs, Path dir, WalOptions options, Catalog catalog, BatchWriter writer,
      ReplayProgressListener progress) throws IOException {
    if (!fs.exists(dir)) {
      fs.createDirectories(dir);
    }
    deleteUnfinishedCheckpoints(fs, dir);
    List<String> unusable = new ArrayList<>();
    Path checkpoint = loadNewestCheckpoint(fs, dir, catalog, unusable);
    long sequence = checkpoint == null ? 0 : CheckpointFormat.sequenceOf(checkpoint);
    LogReplay replay = new LogReplay(catalog, writer, sequence);
    WriteAheadLog log = WriteAheadLog.open(fs, dir.resolve("wal"), options, replay, progress, sequence);
    RecoveryReport report = new RecoveryReport(checkpoint, sequence, unusable, log.recoveryReport(), replay.applied());
    return new DurableStore(fs, dir, catalog, log, report);
  }

  /**
   * A checkpoint interrupted by a crash was never used and never will be; each would otherwise
   * stay on the disk for good, since the next checkpoint has another name.
   */
  private static void deleteUnfinishedCheckpoints(FileSystem fs, Path dir) throws IOException {
    for (Path file : fs.list(dir)) {
      if (CheckpointFormat.isTemporary(file)) {
        fs.delete(file);
      }
    }
  }

  private static Path loadNewestCheckpoint(FileSystem fs, Path dir, Catalog catalog, List<String> unusable)
      throws IOException {
    List<Path> checkpoints = new ArrayList<>();
    for (Path file : fs.list(dir)) {
      if (CheckpointFormat.sequenceOf(file) >= 0) {
        checkpoints.add(file);
      }
    }
    checkpoints.sort((a, b) -> Long.compare(CheckpointFormat.sequenceOf(b), CheckpointFormat.sequenceOf(a)));
    for (Path file : checkpoints) {
      try {
        new CheckpointReader(fs).read(file, catalog);
        return file;
      } catch (IOException damaged) {
        unusable.add(damaged.getMessage());
        catalog.clear();
      }
    }
    return null;
  }

  public RecoveryReport recovery() {
    return recovery;
  }

  /**
   * Checks a batch and encodes its log record, then logs it and queues its points under the
   * ingest lock, then applies them and waits until they are as durable as the fsync policy
   * asks, both outside the lock (see the class comment). Settling the schema under the lock
   * re-checks what other batches changed since the check, and a replay decides the same way.
   */
  public WriteResult write(BatchWriter writer, PointBatch batch, long now) throws IOException {
    PendingWrite pending = writePending(writer, batch, now);
    awaitDurable(pending.logSequence());
    return pending.result();
  }

  /** {@link #write} without the wait for durability; {@link #awaitDurable} waits for it. */
  public PendingWrite writePending(BatchWriter writer, PointBatch batch, long now) throws IOException {
    writer.check(batch, now);
    ByteSink encoded = recordBuffers.get();
    encoded.reset();
    boolean logged = anyAccepted(batch, writer.accepted());
    if (logged) {
      LogRecordFormat.encodePoints(batch, writer.accepted(), now, encoded);
    }
    long sequence = 0;
    ingest.lock();
    try {
      if (!writer.checkStillHolds()) {
        writer.recheck();
        encoded.reset();
        logged = anyAccepted(batch, writer.accepted());
        if (logged) {
          LogRecordFormat.encodePoints(batch, writer.accepted(), now, encoded);
        }
      }
      if (logged) {
        sequence = log.write(ByteBuffer.wrap(encoded.array(), 0, encoded.size()));
        writer.settleSchema();
        writer.drawTurns();
      }
    } catch (IOException | RuntimeException e) {
      writer.discard();
      throw e;
    } finally {
      ingest.unlock();
    }
    return new PendingWrite(writer.applyInTurn(sequence), sequence);
  }

  /** Waits until the log record {@code sequence} and every one before it are as durable as the policy asks. */
  public void awaitDurable(long sequence) throws IOException {
    if (sequence != 0) {
      log.awaitDurable(sequence);
    }
  }

  private static boolean anyAccepted(PointBatch batch, boolean[] accepted) {
    for (int p = 0; p < batch.size(); p++) {
      if (accepted[p]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Logs a delete of [from, to) from the given series and queues it in each of them under the
   * ingest lock, then makes it in each series' turn and waits for its fsync outside the lock.
   */
  public long delete(BatchWriter writer, RoaringBitmap seriesIds, long from, long to, long now) throws IOException {
    long sequence;
    QueuedDelete queued;
    ingest.lock();
    try {
      record.reset();
      LogRecordFormat.encodeDelete(seriesIds, from, to, now, record);
      sequence = log.write(ByteBuffer.wrap(record.array(), 0, record.size()));
      queued = writer.queueDelete(seriesIds, from, to);
    } finally {
      ingest.unlock();
    }
    long deleted = writer.deleteInTurn(queued, sequence);
    log.awaitDurable(sequence);
    return deleted;
  }

  /** Logs and applies the drop of a measurement. */
  public boolean drop(String measurement, String source, long now) throws IOException {
    return logAndApply(out -> LogRecordFormat.encodeDrop(measurement, source, now, out),
        sequence -> catalog.dropMeasurement(measurement, source, now));
  }

  /** Logs and applies the declaration of a measurement (CREATE MEASUREMENT). */
  public boolean declare(String measurement, List<String> tagKeys, List<FieldInfo> fields, String source, long now)
      throws IOException {
    return logAndApply(out -> LogRecordFormat.encodeDeclare(measurement, tagKeys, fields, source, now, out),
        sequence -> catalog.declare(measurement, tagKeys, fields, source, now));
  }

  /**
   * Writes one record and applies it under the ingest lock, then waits for its fsync outside it.
   * For records that change only the catalog: points queued before them may still be applied
   * after, which only matters to a series a drop forgets, and the replay loses those too.
   */
  private <T> T logAndApply(Consumer<ByteSink> encode, LongFunction<T> apply) throws IOException {
    long sequence;
    T result;
    ingest.lock();
    try {
      record.reset();
      encode.accept(record);
      sequence = log.write(ByteBuffer.wrap(record.array(), 0, record.size()));
      result = apply.apply(sequence);
    } finally {
      ingest.unlock();
    }
    log.awaitDurable(sequence);
    return result;
  }

  /**
   * Writes a checkpoint of everything logged so far, reads it back to verify it, then deletes
   * the log segments and the older checkpoint it makes unnecessary. Writers wait only while the
   * covered sequence is read, and each series only while it is snapshotted (in its turn).
   */
  public synchronized Path checkpoint(BatchWriter writer) throws IOException {
    return checkpoint(writer, false);
  }

  /**
   * {@link #checkpoint} even when the newest checkpoint covers everything logged: a checkpoint of
   * the same sequence replaces it, so one found damaged at rest has a good copy again.
   */
  public synchronized Path rewriteCheckpoint(BatchWriter writer) throws IOException {
    return checkpoint(writer, true);
  }

  /**
   * Re-reads every checkpoint file and checks its checksums; returns what is wrong with each
   * damaged one (naming the file). Never runs while a checkpoint is written.
   */
  public synchronized List<String> scrub() throws IOException {
    List<String> damaged = new ArrayList<>();
    for (Path file : fs.list(dir)) {
      if (CheckpointFormat.sequenceOf(file) >= 0) {
        try {
          new CheckpointReader(fs).verify(file);
        } catch (IOException e) {
          damaged.add(e.getMessage());
        }
      }
    }
    return damaged;
  }

  private Path checkpoint(BatchWriter writer, boolean evenIfCurrent) throws IOException {
    long started = System.nanoTime();
    try {
      Path written = writeCheckpoint(writer, evenIfCurrent);
      if (written != null) {
        checkpointStatus = checkpointStatus.succeeded(System.currentTimeMillis(), System.nanoTime() - started);
      }
      return written == null ? dir.resolve(CheckpointFormat.fileName(checkpointSequence)) : written;
    } catch (IOException | RuntimeException e) {
      checkpointStatus = checkpointStatus.failedWith(e);
      throw e;
    }
  }

  /** What the checkpoints did since the store was opened; never blocks on a running checkpoint. */
  public CheckpointStatus checkpointStatus() {
    return checkpointStatus;
  }

  /** Why the log cannot take records for lack of disk space now, or null when it can. */
  public IOException logSpaceShortage() {
    return log.spaceShortage();
  }

  /** Tries now to reserve the disk space the log needs to take records again. */
  public void reserveLogSpace() throws IOException {
    log.reserveSpace();
  }

  /** What the log holds and whether it still accepts appends. */
  public WalStatus walStatus() {
    return log.status();
  }

  /** Writes and verifies a checkpoint; null when the newest one already covers everything (and not forced). */
  private Path writeCheckpoint(BatchWriter writer, boolean evenIfCurrent) throws IOException {
    long sequence;
    int nextSeriesId;
    ingest.lock();
    try {
      sequence = log.lastSequence();
      nextSeriesId = catalog.seriesCount();
    } finally {
      ingest.unlock();
    }
    if (sequence == checkpointSequence && sequence != 0 && !evenIfCurrent) {
      return null;
    }
    Path written = checkpointWriter.write(dir, catalog, sequence, nextSeriesId, series -> image(series, writer));
    new CheckpointReader(fs).verify(written);
    log.truncateBefore(sequence + 1);
    deleteCheckpointsBefore(sequence);
    checkpointSequence = sequence;
    return written;
  }

  /**
   * A series' image taken in a turn drawn after the checkpoint's sequence was read: every change
   * logged up to that sequence was queued before it and is in the image, and no batch is half
   * in it. Writers to the series wait one image's worth.
   */
  private SeriesImage image(Series series, BatchWriter writer) {
    long turn;
    ingest.lock();
    try {
      turn = series.turns().draw();
    } finally {
      ingest.unlock();
    }
    series.turns().await(turn);
    try {
      return series.image(writer.encoder());
    } finally {
      series.turns().pass();
    }
  }

  private void deleteCheckpointsBefore(long sequence) throws IOException {
    boolean deleted = false;
    for (Path file : fs.list(dir)) {
      long covered = CheckpointFormat.sequenceOf(file);
      if (covered >= 0 && covered < sequence) {
        fs.delete(file);
        deleted = true;
      }
    }
    if (deleted) {
      fs.syncDirectory(dir);
    }
  }

  /** Closes the log after making everything written durable (no checkpoint: see Database.close). */
  @Override
  public void close() throws IOException {
    log.close();
  }

  /** Applies replayed records through the same writer code the live path uses. */
  private static final class LogReplay implements io.edgetimedb.engine.wal.RecordConsumer {
    private final Catalog catalog;
    private final BatchWriter writer;
    private final long checkpointSequence;
    private final PointBatch batch = new PointBatch();
    private final ByteSource source = new ByteSource();
    private final ReplayStrings names = new ReplayStrings();
    private long applied;

    LogReplay(Catalog catalog, BatchWriter writer, long checkpointSequence) {
      this.catalog = catalog;
      this.writer = writer;
      this.checkpointSequence = checkpointSequence;
    }

    @Override
    public void accept(long sequence, ByteBuffer payload) throws IOException {
      if (sequence <= checkpointSequence) {
        return;
      }
      byte[] bytes = new byte[payload.remaining()];
      payload.duplicate().get(bytes);
      source.reset(bytes, 0, bytes.length);
      try {
        apply(sequence, source.readByte());
      } catch (CorruptChunkException e) {
        throw new IOException("write-ahead log record " + sequence + " passed its checksum but does not parse: "
            + e.getMessage(), e);
      }
      applied++;
    }

    private void apply(long sequence, int kind) throws IOException {
      switch (kind) {
        case LogRecordFormat.POINTS -> {
          long now = LogRecordFormat.decodePoints(source, batch, names, catalog);
          writer.replay(batch, now, sequence);
        }
        case LogRecordFormat.DELETE -> {
          LogRecordFormat.Delete delete = LogRecordFormat.decodeDelete(source);
          writer.delete(delete.seriesIds(), delete.from(), delete.to(), sequence);
        }
        case LogRecordFormat.DECLARE -> {
          LogRecordFormat.Declare declare = LogRecordFormat.decodeDeclare(source);
          catalog.declare(declare.measurement(), declare.tagKeys(), declare.fields(), declare.source(), declare.now());
        }
        case LogRecordFormat.DROP -> {
          LogRecordFormat.Drop drop = LogRecordFormat.decodeDrop(source);
          catalog.dropMeasurement(drop.measurement(), drop.source(), drop.now());
        }
        default -> throw LogRecordFormat.unknownKind(kind, sequence);
      }
    }

    long applied() {
      return applied;
    }
  }
}
