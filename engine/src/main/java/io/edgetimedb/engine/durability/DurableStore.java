package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.DataLossException;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.durability.RecoveryLoss.DamagedCheckpoint;
import io.edgetimedb.engine.health.HealthConditions;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.series.SeriesImage;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.ReplayReport;
import io.edgetimedb.engine.wal.SetAsideName;
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
  /** A checkpoint found damaged at open; it was set aside, never deleted. */
  public static final String CHECKPOINT_DAMAGED = "checkpoint-damaged";
  /** Log segments set aside at open because the replay met corruption in them. */
  public static final String LOG_DAMAGED = "log-damaged";
  /** The database opened with less than it once held, because the operator accepted the loss. */
  public static final String DATA_LOST = "data-lost";
  /** Files set aside as damaged by an earlier open are still in the directory. */
  public static final String DAMAGED_FILES_KEPT = "damaged-files-kept";
  /** The log kept for the previous checkpoint outgrew its limit and was deleted. */
  public static final String FALLBACK_LIMITED = "checkpoint-fallback-limited";
  private final FileSystem fs;
  private final Path dir;
  private final Catalog catalog;
  private final WriteAheadLog log;
  private final RecoveryReport recovery;
  private final ReentrantLock ingest = new ReentrantLock();
  private final ByteSink record = new ByteSink(1 << 16);
  private final ThreadLocal<ByteSink> recordBuffers = ThreadLocal.withInitial(() -> new ByteSink(1 << 16));
  private final CheckpointWriter checkpointWriter;
  private final RecoveryPolicy policy;
  private final HealthConditions health;
  private long checkpointSequence;
  private volatile CheckpointStatus checkpointStatus = CheckpointStatus.NONE;

  private DurableStore(FileSystem fs, Path dir, Catalog catalog, WriteAheadLog log, RecoveryReport recovery,
      RecoveryPolicy policy, HealthConditions health) {
    this.fs = fs;
    this.policy = policy;
    this.health = health;
    this.dir = dir;
    this.catalog = catalog;
    this.log = log;
    this.recovery = recovery;
    this.checkpointWriter = new CheckpointWriter(fs);
    this.checkpointSequence = recovery.checkpointSequence();
  }

  /**
   * Opens (creating if needed) the directory: loads the newest checkpoint that is intact, then
   * replays the log after it into {@code catalog} through {@code writer}. When that comes back
   * with less than the directory held ({@link RecoveryLoss}) the open is refused with a {@link
   * DataLossException} before anything on disk changes, unless the policy accepts the loss.
   * Damaged files are set aside (renamed {@code *.damaged}), never deleted, and everything found
   * is raised in {@code health}.
   */
  public static DurableStore open(FileSystem fs, Path dir, WalOptions options, RecoveryPolicy policy, Catalog catalog,
      BatchWriter writer, ReplayProgressListener progress, HealthConditions health) throws IOException {
    if (!fs.exists(dir)) {
      fs.createDirectories(dir);
    }
    deleteUnfinishedCheckpoints(fs, dir);
    List<Path> keptFromBefore = setAsideFiles(fs, dir);
    List<DamagedCheckpoint> damaged = new ArrayList<>();
    Path checkpoint = loadNewestCheckpoint(fs, dir, catalog, damaged);
    long sequence = checkpoint == null ? 0 : CheckpointFormat.sequenceOf(checkpoint);
    LogReplay replay = new LogReplay(catalog, writer, sequence, loss -> {
      if (!loss.isNone() && !policy.acceptLoss()) {
        throw new DataLossException(dir, loss);
      }
    }, damaged);
    WriteAheadLog log = WriteAheadLog.open(fs, dir.resolve("wal"), options, replay, progress, sequence);
    List<Path> setAside = new ArrayList<>();
    for (DamagedCheckpoint file : damaged) {
      setAside.add(setAside(fs, file.path()));
    }
    if (!setAside.isEmpty()) {
      fs.syncDirectory(dir);
    }
    log.recoveryReport().corruption().ifPresent(c -> setAside.addAll(c.setAside()));
    RecoveryReport report = new RecoveryReport(checkpoint, sequence,
        damaged.stream().map(DamagedCheckpoint::problem).toList(), log.recoveryReport(), replay.applied(),
        replay.loss(), setAside);
    raiseFindings(report, damaged, keptFromBefore, health);
    DurableStore store = new DurableStore(fs, dir, catalog, log, report, policy, health);
    if (!report.loss().isNone()) {
      // what is left becomes the base at once: a crash before the next checkpoint must not meet the loss again
      store.checkpoint(writer);
    }
    return store;
  }

  /** Says in {@code health} what the open found: damage (even when nothing was lost), loss, old evidence. */
  private static void raiseFindings(RecoveryReport report, List<DamagedCheckpoint> damaged, List<Path> keptFromBefore,
      HealthConditions health) {
    String outcome = report.loss().isNone() ? "nothing was lost"
        : "data was lost and the loss accepted (see " + DATA_LOST + ")";
    String base = report.checkpoint() == null ? "the log alone" : report.checkpoint().getFileName() + " and the log";
    if (!damaged.isEmpty()) {
      health.raise(CHECKPOINT_DAMAGED, Severity.DAMAGED, String.join("; ", damaged.stream()
          .map(c -> c.path().getFileName() + " failed verification (" + c.problem() + ")").toList())
          + "; set aside as " + names(report.setAside().subList(0, damaged.size())) + "; recovered from "
          + base + ": " + outcome);
    }
    report.replay().corruption().ifPresent(c -> health.raise(LOG_DAMAGED, Severity.DAMAGED,
        "log segment " + c.segment().getFileName() + " is damaged at byte " + c.offset() + " (" + c.kind()
            + "); the replay stopped before record " + c.firstSequenceNotReplayed() + " and set aside "
            + names(c.setAside()) + ": " + outcome));
    if (!report.loss().isNone()) {
      health.raise(DATA_LOST, Severity.DAMAGED, "opened with the loss accepted (" + DataLossException.ACCEPT_SETTING
          + "): lost " + report.loss().describe() + "; the damaged files are kept aside");
    }
    if (!keptFromBefore.isEmpty()) {
      health.raise(DAMAGED_FILES_KEPT, Severity.DEGRADED, "files set aside as damaged by an earlier start are kept: "
          + names(keptFromBefore) + "; they hold what recovery could not use: salvage or remove them");
    }
  }

  private static String names(List<Path> files) {
    return String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList());
  }

  /** Files an earlier open set aside as damaged, in the directory and its log. */
  private static List<Path> setAsideFiles(FileSystem fs, Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    List<Path> candidates = new ArrayList<>(fs.list(dir));
    if (fs.exists(dir.resolve("wal"))) {
      candidates.addAll(fs.list(dir.resolve("wal")));
    }
    for (Path file : candidates) {
      if (SetAsideName.isSetAside(file)) {
        found.add(file);
      }
    }
    return found;
  }

  /** Renames a damaged file to a free {@code <name>.damaged[.n]}; the caller syncs the directory. */
  private static Path setAside(FileSystem fs, Path file) throws IOException {
    Path aside = SetAsideName.freeFor(fs, file);
    fs.rename(file, aside);
    return aside;
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

  /** Loads the newest checkpoint that reads back intact; the newer ones that do not go to {@code damaged}. */
  private static Path loadNewestCheckpoint(FileSystem fs, Path dir, Catalog catalog, List<DamagedCheckpoint> damaged)
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
      } catch (IOException unreadable) {
        damaged.add(new DamagedCheckpoint(file, CheckpointFormat.sequenceOf(file), unreadable.getMessage()));
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
   * what not even the previous checkpoint needs (see {@link #keepFallback}). Writers wait only
   * while the covered sequence is read, and each series only while it is snapshotted (in its
   * turn).
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
    keepFallback(checkpointSequence, sequence);
    checkpointSequence = sequence;
    return written;
  }

  /**
   * Keeps the checkpoint before the one just written ({@code previous}) and the log since it, so
   * that a newest checkpoint found damaged later costs nothing: only what is older goes. Beyond
   * {@link RecoveryPolicy#fallbackLogBytes} of log the fallback keeps only the checkpoint, and
   * health says which records a damaged newest checkpoint would then cost.
   */
  private void keepFallback(long previous, long written) throws IOException {
    long fallbackLog = log.bytesBefore(written + 1) - log.bytesBefore(previous + 1);
    if (fallbackLog > policy.fallbackLogBytes()) {
      log.truncateBefore(written + 1);
      health.raise(FALLBACK_LIMITED, Severity.DEGRADED, "the log since " + CheckpointFormat.fileName(previous) + " ("
          + fallbackLog + " bytes) exceeds " + EngineSettings.CHECKPOINT_FALLBACK_LOG + " (" + policy.fallbackLogBytes()
          + " bytes) and was deleted: should " + CheckpointFormat.fileName(written) + " be found damaged, what the log "
          + "no longer has of records " + (previous + 1) + " to " + written + " is lost (the start then refuses and "
          + "names it)");
    } else {
      log.truncateBefore(previous + 1);
      health.clear(FALLBACK_LIMITED);
    }
    deleteCheckpointsBefore(previous);
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
    private final Consumer<RecoveryLoss> decision;
    private final List<DamagedCheckpoint> damaged;
    private final PointBatch batch = new PointBatch();
    private final ByteSource source = new ByteSource();
    private final ReplayStrings names = new ReplayStrings();
    private long applied;
    private long firstSequence;
    private RecoveryLoss loss = RecoveryLoss.NONE;

    /** {@code decision} sees what the recovery loses before the log is repaired, and may refuse by throwing. */
    LogReplay(Catalog catalog, BatchWriter writer, long checkpointSequence, Consumer<RecoveryLoss> decision,
        List<DamagedCheckpoint> damaged) {
      this.catalog = catalog;
      this.writer = writer;
      this.checkpointSequence = checkpointSequence;
      this.decision = decision;
      this.damaged = damaged;
    }

    @Override
    public void beforeRepair(ReplayReport found) {
      long firstInLog = firstSequence == 0 ? found.lastSequence() + 1 : firstSequence;
      loss = RecoveryLoss.assess(checkpointSequence, damaged, firstInLog, found);
      decision.accept(loss);
    }

    RecoveryLoss loss() {
      return loss;
    }

    @Override
    public void accept(long sequence, ByteBuffer payload) throws IOException {
      if (firstSequence == 0) {
        firstSequence = sequence;
      }
      if (sequence <= checkpointSequence || firstSequence > checkpointSequence + 1) {
        // after a gap, records name series and fields by ids the missing records handed out
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
