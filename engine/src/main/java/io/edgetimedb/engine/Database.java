package io.edgetimedb.engine;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.durability.CheckpointStatus;
import io.edgetimedb.engine.durability.DataDirectoryLock;
import io.edgetimedb.engine.durability.DurableStore;
import io.edgetimedb.engine.durability.RecoveryReport;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.health.HealthConditions;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.engine.memory.MemoryUsage;
import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.read.LatestRead;
import io.edgetimedb.engine.read.LatestRow;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.MeasurementDeclaration;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.sources.SourceStatus;
import io.edgetimedb.engine.sources.TrackedSources;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalSpaceException;
import io.edgetimedb.engine.wal.WalStatus;
import io.edgetimedb.engine.write.BatchWriter;
import io.edgetimedb.engine.write.PendingWrite;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteLimits;
import io.edgetimedb.engine.write.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * An EdgeTimeDB database: the engine's Java API. Thread-safe: any number of threads may write
 * and read at once; each writing thread keeps its own encoder scratch space.
 *
 * <pre>
 * try (Database db = Database.open(DatabaseConfig.defaults())) {
 *   PointBatch batch = new PointBatch();
 *   batch.point("boiler", ts).tag("site", "A").field("value", 21.5);
 *   db.write(batch);
 *   try (PointCursor c = db.read(ReadRequest.of("boiler").timeRange(from, to))) {
 *     while (c.next()) { ... c.timestamp() ... c.getDouble(0) ... }
 *   }
 * }
 * </pre>
 */
public final class Database implements AutoCloseable {
  /** The health condition of a background checkpoint that failed; cleared by the next that succeeds. */
  public static final String CHECKPOINT_FAILED = "checkpoint-failed";
  /** The health condition of points refused by ingest.max-fields or ingest.max-series; cleared when either changes. */
  public static final String INGEST_LIMIT_REACHED = "ingest-limit-reached";
  /** The health condition of a database that is read-only because its log cannot reserve disk space. */
  public static final String LOG_SPACE = "log-space";
  /** The health condition of checkpoint files a scrub found damaged at rest; cleared by a clean scrub. */
  public static final String CHECKPOINT_DAMAGED_AT_REST = "checkpoint-damaged-at-rest";
  /** How often a read-only database tries to reserve its log's space again: a failed try costs two file-system calls. */
  private static final long LOG_SPACE_RETRY_MILLIS = 1000;

  private volatile DatabaseConfig config;
  private final SettingsRegistry settings;
  private final WriteLimits limits;
  private final TrackedSources sources;
  private final Catalog catalog = new Catalog();
  private final HealthConditions health = new HealthConditions();
  private final ThreadLocal<BatchWriter> writers;
  private final DataDirectoryLock directoryLock;
  private final DurableStore store;
  private ScheduledExecutorService checkpointer;
  private ScheduledFuture<?> checkpoints;
  private ScheduledFuture<?> scrubs;
  private volatile RuntimeException lastCheckpointFailure;
  private volatile String writesRefused;
  private ScheduledFuture<?> logSpaceRetries;
  private volatile boolean closed;
  private volatile long lastWriteNanos;

  private Database(DatabaseConfig config, FileSystem fs, ReplayProgressListener progress, SettingsRegistry settings)
      throws IOException {
    this.config = config;
    this.settings = settings;
    EngineSettings.adopt(settings, config);
    this.limits = new WriteLimits(config.outOfOrderWindowMillis(), config.maxValueLength());
    this.limits.clockPolicy(EngineSettings.clockPolicy(settings));
    this.limits.maxFields((int) settings.longValue(EngineSettings.MAX_FIELDS));
    this.limits.maxSeries((int) settings.longValue(EngineSettings.MAX_SERIES));
    this.sources = new TrackedSources((int) settings.longValue(EngineSettings.TRACKED_SOURCES));
    this.writers = ThreadLocal.withInitial(() -> new BatchWriter(catalog, limits, config.chunkRows()));
    this.directoryLock = config.durable() ? DataDirectoryLock.acquire(fs, config.dataDirectory()) : null;
    this.store = config.durable() ? openStore(fs, progress) : null;
    if (store != null && store.logSpaceShortage() != null) {
      refuseWrites(store.logSpaceShortage());
    }
    scheduleCheckpoints(config.checkpointIntervalMillis());
    scheduleScrubs(settings.longValue(EngineSettings.CHECKPOINT_SCRUB_INTERVAL));
    listenToSettings();
  }

  private DurableStore openStore(FileSystem fs, ReplayProgressListener progress) throws IOException {
    try {
      return DurableStore.open(fs, config.dataDirectory(), config.wal(), EngineSettings.recoveryPolicy(settings),
          catalog, writers.get(), progress, health);
    } catch (IOException | RuntimeException | Error e) {
      directoryLock.close();
      throw e;
    }
  }

  /** Opens an in-memory database, or a durable one on the real file system when the config names a directory. */
  public static Database open(DatabaseConfig config) {
    return open(config, new RealFileSystem(), ReplayProgressListener.NONE);
  }

  /**
   * Opens a database that keeps its settings in {@code settings}, which the server has already
   * filled from its configuration file and command line (the config is made from it with {@link
   * EngineSettings#config}); the database adds what is missing and applies run-time changes.
   */
  public static Database open(DatabaseConfig config, SettingsRegistry settings) {
    return open(config, new RealFileSystem(), ReplayProgressListener.NONE, settings);
  }

  /**
   * Opens a database whose files go through {@code fs}; a durable one first loads its newest
   * intact checkpoint and replays its log, telling {@code progress} how far it came.
   *
   * @throws StorageException when the directory cannot be read or the log not reopened
   * @throws DataLossException when recovery would lose data (nothing on disk was changed); the
   *     setting {@code recovery.accept-loss} opens with what is left
   */
  public static Database open(DatabaseConfig config, FileSystem fs, ReplayProgressListener progress) {
    return open(config, fs, progress, new SettingsRegistry());
  }

  /**
   * Opens a database whose files go through {@code fs} with settings beyond the config, such as
   * {@code recovery.accept-loss}.
   *
   * @throws DataLossException when recovery would lose data and the settings do not accept it
   */
  public static Database open(DatabaseConfig config, FileSystem fs, ReplayProgressListener progress,
      SettingsRegistry settings) {
    try {
      return new Database(config, fs, progress, settings);
    } catch (IOException e) {
      throw new StorageException("cannot open the database in " + config.dataDirectory() + ": " + e.getMessage(), e);
    }
  }

  /** Makes run-time changes of the changeable engine settings take effect. */
  private void listenToSettings() {
    settings.addListener(EngineSettings.OUT_OF_ORDER_WINDOW, (s, old, now) -> {
      limits.outOfOrderWindowMillis((Long) now);
      config = config.withOutOfOrderWindowMillis((Long) now);
    });
    settings.addListener(EngineSettings.MAX_VALUE_LENGTH, (s, old, now) -> {
      limits.maxValueLength((int) (long) (Long) now);
      config = config.withMaxValueLength((int) (long) (Long) now);
    });
    for (String clockSetting : EngineSettings.CLOCK_POLICY) {
      settings.addListener(clockSetting, (s, old, now) -> limits.clockPolicy(EngineSettings.clockPolicy(settings)));
    }
    settings.addListener(EngineSettings.MAX_FIELDS, (s, old, now) -> {
      limits.maxFields((int) (long) (Long) now);
      health.clear(INGEST_LIMIT_REACHED);
    });
    settings.addListener(EngineSettings.MAX_SERIES, (s, old, now) -> {
      limits.maxSeries((int) (long) (Long) now);
      health.clear(INGEST_LIMIT_REACHED);
    });
    settings.addListener(EngineSettings.TRACKED_SOURCES, (s, old, now) -> sources.limit((int) (long) (Long) now));
    settings.addListener(EngineSettings.MEMORY_BUDGET,
        (s, old, now) -> config = config.withMemoryBudgetBytes((Long) now));
    settings.addListener(EngineSettings.CHECKPOINT_INTERVAL, (s, old, now) -> {
      config = config.withCheckpointIntervalMillis((Long) now);
      scheduleCheckpoints((Long) now);
    });
    settings.addListener(EngineSettings.CHECKPOINT_SCRUB_INTERVAL, (s, old, now) -> scheduleScrubs((Long) now));
  }

  /** (Re)schedules background checkpoints of a durable database every {@code interval} ms; 0 stops them. */
  private synchronized void scheduleCheckpoints(long interval) {
    if (store == null || closed) {
      return;
    }
    if (checkpoints != null) {
      checkpoints.cancel(false);
      checkpoints = null;
    }
    if (interval <= 0) {
      return;
    }
    checkpoints = background().scheduleWithFixedDelay(this::backgroundCheckpoint, interval, interval,
        TimeUnit.MILLISECONDS);
  }

  /** (Re)schedules scrubs of a durable database's checkpoints every {@code interval} ms; 0 stops them. */
  private synchronized void scheduleScrubs(long interval) {
    if (store == null || closed) {
      return;
    }
    if (scrubs != null) {
      scrubs.cancel(false);
      scrubs = null;
    }
    if (interval > 0) {
      scrubs = background().scheduleWithFixedDelay(this::backgroundScrub, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  private void backgroundScrub() {
    try {
      scrub();
    } catch (RuntimeException e) {
      // the directory could not be listed: the next scrub tries again, and a checkpoint would fail and say so
    }
  }

  /**
   * Re-reads the checkpoint files now and verifies their checksums, as the background does every
   * {@code checkpoint.scrub-interval}: a file damaged at rest raises {@link #CHECKPOINT_DAMAGED_AT_REST}
   * naming it, and a new checkpoint is written from memory at once, so a good copy exists before
   * a restart needs one. A clean scrub ends the condition. Nothing for an in-memory database.
   */
  public void scrub() {
    if (store == null) {
      return;
    }
    List<String> damaged;
    try {
      damaged = store.scrub();
    } catch (IOException e) {
      throw new StorageException("scrub could not list the data directory: " + e.getMessage(), e);
    }
    if (damaged.isEmpty()) {
      health.clear(CHECKPOINT_DAMAGED_AT_REST);
      return;
    }
    String outcome;
    try {
      store.rewriteCheckpoint(writers.get());
      outcome = "a new checkpoint was written from memory, nothing is lost; check the disk";
    } catch (IOException | RuntimeException e) {
      outcome = "writing a new checkpoint failed (" + e.getMessage() + "): until one succeeds, a restart loses what"
          + " only the damaged checkpoint holds";
    }
    health.raise(CHECKPOINT_DAMAGED_AT_REST, Severity.DAMAGED, "found damaged at rest: " + String.join("; ", damaged) + "; "
        + outcome);
  }

  /** The one thread of a durable database's background work: checkpoints, scrubs, retries. */
  private synchronized ScheduledExecutorService background() {
    if (checkpointer == null) {
      checkpointer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "edgetimedb-checkpoint");
        thread.setDaemon(true);
        return thread;
      });
    }
    return checkpointer;
  }

  /**
   * Makes the database read-only because its log cannot reserve space: says so in the health
   * register and retries in the background until the space is there again. Said once per
   * episode: each refused write finds a slightly different number of bytes free, and would log it.
   */
  private synchronized String refuseWrites(IOException shortage) {
    if (writesRefused == null) {
      writesRefused = "writes refused, the database is read-only: " + shortage.getMessage()
          + "; free space on that disk (or set a smaller wal.segment-size), writing resumes by itself";
      health.raise(LOG_SPACE, Severity.UNAVAILABLE, writesRefused);
    }
    String reason = writesRefused;
    if (logSpaceRetries == null && !closed) {
      logSpaceRetries = background().scheduleWithFixedDelay(this::retryLogSpace, LOG_SPACE_RETRY_MILLIS,
          LOG_SPACE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }
    return reason;
  }

  private void retryLogSpace() {
    try {
      store.reserveLogSpace();
      resumeWrites();
    } catch (WalSpaceException stillShort) {
      // the condition raised names the shortage already; the next try is a second away
    } catch (IOException | RuntimeException failed) {
      giveUpOnLogSpace(failed);
    }
  }

  /** The log failed while it waited for space: no retry can help, only a reopen. */
  private synchronized void giveUpOnLogSpace(Exception failure) {
    writesRefused = "writes refused, the write-ahead log failed while it waited for disk space: " + failure.getMessage()
        + "; restart the database to recover what is on disk";
    health.raise(LOG_SPACE, Severity.UNAVAILABLE, writesRefused);
    if (logSpaceRetries != null) {
      logSpaceRetries.cancel(false);
      logSpaceRetries = null;
    }
  }

  private synchronized void resumeWrites() {
    writesRefused = null;
    health.clear(LOG_SPACE);
    if (logSpaceRetries != null) {
      logSpaceRetries.cancel(false);
      logSpaceRetries = null;
    }
  }

  /** The exception for a write the log did not take: read-only for lack of space, else a storage failure. */
  private StorageException notLogged(String what, IOException e) {
    if (e instanceof WalSpaceException shortage) {
      return new ReadOnlyException(what + " not acknowledged, " + refuseWrites(shortage), shortage);
    }
    return new StorageException(what + " not acknowledged: " + e.getMessage(), e);
  }

  /** A write went through: if the database was read-only, space is back. */
  private void logged() {
    if (writesRefused != null) {
      resumeWrites();
    }
  }

  private void backgroundCheckpoint() {
    try {
      checkpoint();
    } catch (RuntimeException e) {
      // the next attempt retries; the log still holds everything the checkpoint would have
    }
  }

  /**
   * {@link System#nanoTime} of the last write (0 before the first): queries read it to give way
   * to ingestion while writes arrive.
   */
  public long lastWriteNanos() {
    return lastWriteNanos;
  }

  /** What is wrong with this database now: damage, loss, refused writes; read by /health and /metrics. */
  public HealthConditions health() {
    return health;
  }

  /**
   * Why the last background checkpoint failed, or null when it succeeded (or none ran yet):
   * for health reports, since a background thread has no caller to throw to.
   */
  public RuntimeException lastCheckpointFailure() {
    return lastCheckpointFailure;
  }

  /**
   * What the write-ahead log holds and whether it still accepts writes (after a failed fsync it
   * does not, until the database is reopened); null for an in-memory database.
   */
  public WalStatus walStatus() {
    return store == null ? null : store.walStatus();
  }

  /** What the checkpoints did since the database was opened; null for an in-memory database. */
  public CheckpointStatus checkpointStatus() {
    return store == null ? null : store.checkpointStatus();
  }

  /**
   * Why every write is refused now, or null while writes are taken: a durable database whose log
   * cannot reserve disk space is read-only (reads work) until space returns, which it notices by
   * itself. Refused writes throw {@link ReadOnlyException} with this message.
   */
  public String writesRefused() {
    return writesRefused;
  }

  public boolean isClosed() {
    return closed;
  }

  /** The config as it is now: changeable settings changed at run time are reflected. */
  public DatabaseConfig config() {
    return config;
  }

  /**
   * The settings of this database (and of a server around it): {@code settings().change(name,
   * value, source)} changes a changeable setting while the database runs.
   */
  public SettingsRegistry settings() {
    return settings;
  }

  /**
   * Writes the acceptable points of the batch; the result lists the refused ones and why. In a
   * durable database the call returns once the points are as durable as the fsync policy asks.
   * The clock policy ({@code ingest.future-bound} and the settings beside it) is applied first:
   * points without a timestamp ({@link PointBatch#NO_TIMESTAMP}) or from a source whose clock is
   * known wrong are stamped with the receive time, and points beyond a bound are refused or
   * clamped; stamped and clamped timestamps are changed in the batch. What happened is counted
   * for the batch's source ({@link #sources()}).
   *
   * @throws StorageException when the points could not be logged (disk full, I/O error): none
   *     of them was applied
   */
  public WriteResult write(PointBatch batch) {
    if (store == null) {
      ensureOpen();
      BatchWriter writer = writers.get();
      return recorded(batch, writer, writer.write(batch, System.currentTimeMillis()));
    }
    PendingWrite pending = writePending(batch);
    awaitDurable(pending);
    return pending.result();
  }

  /**
   * {@link #write} that returns once the points are logged and applied, before they are known
   * to be on disk: a caller that acknowledges what it wrote (an MQTT subscriber) writes several
   * batches and then waits once, with {@link #awaitDurable}, for the newest. Readers see the
   * points at once; a crash before the wait returned may lose them.
   *
   * @throws StorageException when the points could not be logged: none of them was applied
   */
  public PendingWrite writePending(PointBatch batch) {
    ensureOpen();
    long now = System.currentTimeMillis();
    BatchWriter writer = writers.get();
    if (store == null) {
      return new PendingWrite(recorded(batch, writer, writer.write(batch, now)), 0);
    }
    try {
      PendingWrite pending = store.writePending(writer, batch, now);
      logged();
      recorded(batch, writer, pending.result());
      return pending;
    } catch (IOException e) {
      throw notLogged("write", e);
    }
  }

  /** Counts what the write did for the batch's source; in memory, the result is the only object a write allocates. */
  private WriteResult recorded(PointBatch batch, BatchWriter writer, WriteResult result) {
    lastWriteNanos = System.nanoTime();
    int refusedByLimits = writer.refusedByLimits();
    sources.record(batch.source(), result, refusedByLimits, writer.clock());
    if (refusedByLimits > 0) {
      health.raise(INGEST_LIMIT_REACHED, Severity.DEGRADED, "points are refused at ingest.max-fields or "
          + "ingest.max-series (sys.sources counts them per source as points_rejected_limit): raise the limit, or "
          + "find the writer that puts a new value per point into a tag or field name");
    }
    return result;
  }

  /**
   * Waits until {@code write}, and every write logged before it, is as durable as the fsync
   * policy asks; returns at once for an in-memory database.
   *
   * @throws StorageException when the log could not be forced to disk (the log is then failed)
   */
  public void awaitDurable(PendingWrite write) {
    if (store == null) {
      return;
    }
    try {
      store.awaitDurable(write.logSequence());
    } catch (IOException e) {
      throw new StorageException("write not acknowledged: " + e.getMessage(), e);
    }
  }

  /** Points refused by ingest.max-fields or ingest.max-series since the database opened, for /metrics. */
  public long refusedByLimits() {
    return sources.refusedByLimits();
  }

  /**
   * Every source that wrote since the database opened (up to {@code ingest.tracked-sources},
   * the least recently seen first): points written, refused and clamped, and its clock offset.
   */
  public List<SourceStatus> sources() {
    return sources.statuses();
  }

  /** Reads rows; the caller closes the cursor. Unknown measurements and fields are refused. */
  public PointCursor read(ReadRequest request) {
    ensureOpen();
    return PointCursor.open(catalog, request);
  }

  /**
   * The newest value of each named field (every field when the list is empty) in each series the
   * predicate selects, series in id order. Answered from values every series keeps up to date as
   * it is written, so it reads no chunks; a delete or a restart makes a series rebuild them once.
   *
   * @throws IllegalArgumentException naming an unknown measurement or field
   */
  public List<LatestRow> latest(String measurement, TagPredicate where, List<String> fields) {
    ensureOpen();
    return LatestRead.read(catalog, measurement(measurement), where, fields);
  }

  /**
   * Deletes the rows with timestamps in [from, to) from the series of a measurement that the
   * predicate selects; returns how many rows went. Series and schema stay.
   */
  public long delete(String measurement, TagPredicate where, long from, long to) {
    ensureOpen();
    RoaringBitmap ids = measurement(measurement).index().select(where);
    if (store == null) {
      return writers.get().delete(ids, from, to, 0);
    }
    try {
      long deleted = store.delete(writers.get(), ids, from, to, System.currentTimeMillis());
      logged();
      return deleted;
    } catch (IOException e) {
      throw notLogged("delete", e);
    }
  }

  /**
   * Declares a measurement with tag keys and typed fields before any write, as SQL's CREATE
   * MEASUREMENT does; returns false when the measurement already existed (it is left as it
   * is). Names are checked as writes check them; on a bad name nothing is created.
   *
   * @throws IllegalArgumentException naming the first bad or conflicting name
   */
  public boolean createMeasurement(String measurement, List<String> tagKeys, List<FieldInfo> fields, String source) {
    ensureOpen();
    String problem = MeasurementDeclaration.problem(measurement, tagKeys, fields);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (catalog.measurement(measurement) != null) {
      return false;
    }
    long now = System.currentTimeMillis();
    if (store == null) {
      return catalog.declare(measurement, tagKeys, fields, source, now);
    }
    try {
      boolean created = store.declare(measurement, tagKeys, fields, source, now);
      logged();
      return created;
    } catch (IOException e) {
      throw notLogged("create measurement", e);
    }
  }

  /** Drops a measurement with all its series and data; false when it did not exist. */
  public boolean dropMeasurement(String measurement, String source) {
    ensureOpen();
    long now = System.currentTimeMillis();
    if (store == null) {
      return catalog.dropMeasurement(measurement, source, now);
    }
    try {
      boolean dropped = store.drop(measurement, source, now);
      logged();
      return dropped;
    } catch (IOException e) {
      throw notLogged("drop", e);
    }
  }

  /**
   * Writes a checkpoint now and drops the log it covers; returns the checkpoint file, or null
   * for an in-memory database.
   */
  public Path checkpoint() {
    if (store == null) {
      return null;
    }
    try {
      Path written = store.checkpoint(writers.get());
      lastCheckpointFailure = null;
      health.clear(CHECKPOINT_FAILED);
      return written;
    } catch (IOException | RuntimeException e) {
      StorageException failure = new StorageException("checkpoint failed, the log keeps everything: "
          + e.getMessage(), e);
      lastCheckpointFailure = failure;
      health.raise(CHECKPOINT_FAILED, Severity.DEGRADED, failure.getMessage());
      throw failure;
    }
  }

  /** What opening found and repaired; null for an in-memory database. */
  public RecoveryReport recoveryReport() {
    return store == null ? null : store.recovery();
  }

  /** Seals every non-empty head into a chunk (the heads keep their arrays). */
  public void sealHeads() {
    writers.get().sealAll();
  }

  public List<String> measurements() {
    return catalog.measurementNames();
  }

  /** The series of a measurement the predicate selects, by id. */
  public List<SeriesInfo> series(String measurement, TagPredicate where) {
    List<SeriesInfo> out = new ArrayList<>();
    IntIterator ids = measurement(measurement).index().select(where).getIntIterator();
    while (ids.hasNext()) {
      Series s = catalog.series(ids.next());
      TreeMap<String, String> tags = new TreeMap<>();
      for (int i = 0; i < s.tagCount(); i++) {
        tags.put(s.tagKey(i), s.tagValue(i));
      }
      out.add(new SeriesInfo(s.id(), s.measurement(), tags));
    }
    return out;
  }

  public SortedSet<String> tagKeys(String measurement) {
    return measurement(measurement).schema().tagKeys();
  }

  public SortedSet<String> tagValues(String measurement, String tagKey) {
    return measurement(measurement).index().tagValues(tagKey);
  }

  /** Fields with their current types, in the order they appeared. */
  public List<FieldInfo> fields(String measurement) {
    List<FieldInfo> out = new ArrayList<>();
    for (FieldSchema f : measurement(measurement).schema().fields()) {
      out.add(new FieldInfo(f.name(), f.type()));
    }
    return out;
  }

  /**
   * Grows whenever the schema changes (a measurement, tag key or field appears, a field widens,
   * a measurement is dropped): what was planned against an older version may be out of date.
   */
  public long schemaVersion() {
    return catalog.history().version();
  }

  /** Every schema change so far, oldest first. */
  public List<SchemaChange> schemaHistory() {
    return catalog.history().changes();
  }

  /** Bytes held now, by measurement and kind. Walks the series: call it for reports, not per write. */
  public MemoryUsage memoryUsage() {
    List<MeasurementMemory> measurements = new ArrayList<>();
    for (String name : catalog.measurementNames()) {
      measurements.add(memoryOf(catalog.measurement(name)));
    }
    return new MemoryUsage(measurements, catalog.dictionary().bytesHeld(), catalog.registryBytes(),
        config.memoryBudgetBytes());
  }

  private MeasurementMemory memoryOf(Measurement m) {
    long points = 0;
    long heads = 0;
    long chunks = 0;
    long index = m.indexBytes() + ObjectSizes.object(4 * ObjectSizes.REFERENCE);
    IntIterator ids = m.index().allSeries().getIntIterator();
    while (ids.hasNext()) {
      Series s = catalog.series(ids.next());
      points += s.points();
      heads += s.headBytes();
      chunks += s.chunkBytes();
      index += s.ownBytes();
    }
    return new MeasurementMemory(m.name(), m.seriesCount(), points, heads, chunks, index);
  }

  private Measurement measurement(String name) {
    Measurement m = catalog.measurement(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown measurement '" + name + "'");
    }
    return m;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("database is closed");
    }
  }

  /** Stops background work; a durable database checkpoints and closes its log first. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (checkpointer != null) {
        checkpointer.shutdownNow();
      }
    }
    if (store != null) {
      try (DataDirectoryLock unlocking = directoryLock; DurableStore closing = store) {
        closing.checkpoint(writers.get());
      } catch (IOException e) {
        throw new StorageException("closing the database in " + config.dataDirectory() + " failed (the log keeps "
            + "everything acknowledged): " + e.getMessage(), e);
      }
    }
  }
}
