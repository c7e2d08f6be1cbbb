package io.edgetimedb.engine;

import io.edgetimedb.engine.durability.RecoveryPolicy;
import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.ClockPolicy;
import io.edgetimedb.engine.write.ClockPolicy.OutOfBounds;
import io.edgetimedb.engine.write.ClockPolicy.Stamping;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine's settings in the registry, and the translation between them and {@link
 * DatabaseConfig}. Only what the engine really applies while running is changeable: the
 * out-of-order window, the value length limit and the clock policy (read by writers once per
 * batch), the number of sources tracked, the memory budget and the checkpoint and scrub intervals
 * (rescheduled). The clock policy and the scrub interval are not part of {@link DatabaseConfig}: a
 * program changes them through {@link Database#settings()}. Chunk size and the log's options shape
 * structures built at open, so they need a restart.
 */
public final class EngineSettings {
  public static final String CHUNK_ROWS = "storage.chunk-rows";
  public static final String OUT_OF_ORDER_WINDOW = "ingest.out-of-order-window";
  public static final String MAX_VALUE_LENGTH = "ingest.max-value-length";
  public static final String MEMORY_BUDGET = "memory.budget";
  public static final String CHECKPOINT_INTERVAL = "checkpoint.interval";
  public static final String CHECKPOINT_SCRUB_INTERVAL = "checkpoint.scrub-interval";
  public static final String WAL_FSYNC = "wal.fsync";
  public static final String WAL_GROUP_COMMIT = "wal.group-commit-interval";
  public static final String WAL_SEGMENT_SIZE = "wal.segment-size";
  public static final String FUTURE_BOUND = "ingest.future-bound";
  public static final String PAST_BOUND = "ingest.past-bound";
  public static final String OUT_OF_BOUNDS = "ingest.out-of-bounds";
  public static final String RECEIVE_TIME_STAMP = "ingest.receive-time-stamp";
  public static final String STAMPED_SOURCES = "ingest.stamped-sources";
  public static final String TRACKED_SOURCES = "ingest.tracked-sources";
  public static final String CHECKPOINT_FALLBACK_LOG = "checkpoint.fallback-log-limit";
  public static final String ACCEPT_LOSS = DataLossException.ACCEPT_SETTING;
  public static final String MAX_FIELDS = "ingest.max-fields";
  public static final String MAX_SERIES = "ingest.max-series";
  /** Read by the SQL layer when a query starts; defined here so that every way in has them. */
  public static final String QUERY_TIMEOUT = "query.timeout";
  public static final String QUERY_MAX_ROWS_HELD = "query.max-rows-held";
  public static final String QUERY_CPU_PERCENT = "query.cpu-percent-while-ingesting";
  /** The clock policy's settings: a change of any of them replaces the policy. */
  static final List<String> CLOCK_POLICY = List.of(FUTURE_BOUND, PAST_BOUND, OUT_OF_BOUNDS, RECEIVE_TIME_STAMP,
      STAMPED_SOURCES);

  /**
   * Series allowed by default. A series costs about 1.1 KiB of heap before it holds any data
   * (its head, index entries, interned tags): a server in a 64 MiB heap ran out of memory at
   * 42,000 series (OutOfMemoryRestartTest). 100,000 empty series take about 110 MiB, which leaves
   * room for the 256 MiB memory budget's data in the 512 MiB heap Java gives itself by default
   * on a 2 GiB box; a tag with a new value per point (a timestamp or a counter as a tag) reaches
   * the limit within seconds and is refused instead of exhausting the heap.
   */
  static final int DEFAULT_MAX_SERIES = 100_000;

  private EngineSettings() {}

  /** Defines the engine's settings at their defaults ({@link DatabaseConfig#defaults()}). */
  public static void define(SettingsRegistry registry) {
    DatabaseConfig d = DatabaseConfig.defaults();
    List<String> policies = Arrays.stream(FsyncPolicy.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList();
    registry.define(Setting.count(CHUNK_ROWS, d.chunkRows(), "Rows a series collects before they are sealed into a "
        + "compressed chunk.").range(1, DatabaseConfig.MAX_CHUNK_ROWS));
    registry.define(Setting.duration(OUT_OF_ORDER_WINDOW, d.outOfOrderWindowMillis(), "How far behind the newest "
        + "point of its series a point may be and still be accepted; older points are refused.").changeable());
    registry.define(Setting.bytes(MAX_VALUE_LENGTH, d.maxValueLength(), "Longest VARCHAR (characters) or VARBINARY "
        + "(bytes) value a write may carry.").range(0, Integer.MAX_VALUE).changeable());
    registry.define(Setting.count(MAX_FIELDS, 1_024, "Most fields a point may carry and a measurement may have; a "
        + "point beyond is refused, naming the limit.").range(1, Integer.MAX_VALUE).changeable());
    registry.define(Setting.count(MAX_SERIES, DEFAULT_MAX_SERIES, "Most series the database may hold (dropped ones "
        + "not counted); a point that would add one more is refused, naming the limit, and counted for its source "
        + "(sys.sources). Raise it with the heap (docs/configuration.md).").range(1, Integer.MAX_VALUE).changeable());
    registry.define(Setting.bytes(MEMORY_BUDGET, d.memoryBudgetBytes(), "Bytes the engine may hold in memory; "
        + "memory usage (sys.storage, /metrics) is reported against it.").range(1, Long.MAX_VALUE).changeable());
    registry.define(Setting.duration(CHECKPOINT_INTERVAL, d.checkpointIntervalMillis(), "How often a durable "
        + "database writes a checkpoint in the background; 0ms for only on shutdown.").changeable());
    registry.define(Setting.duration(CHECKPOINT_SCRUB_INTERVAL, 3_600_000L, "How often a durable database re-reads "
        + "its checkpoint files to verify their checksums at rest; damage found is reported (checkpoint-damaged in "
        + "/health) and a new checkpoint written from memory at once. 0ms for never.").changeable());
    registry.define(Setting.choice(WAL_FSYNC, d.wal().fsyncPolicy().name(), policies, "When a write is "
        + "acknowledged: group (shared fsync), always (own fsync) or os (before the fsync; may lose the last "
        + "moments on power loss)."));
    registry.define(Setting.duration(WAL_GROUP_COMMIT, d.wal().groupCommitMillis(), "Under the os policy, the "
        + "interval of the background fsync."));
    registry.define(Setting.bytes(WAL_SEGMENT_SIZE, d.wal().segmentBytes(), "Size at which the write-ahead log "
        + "starts a new segment file (each is reserved on disk before use). 0B (the default) fits it to the disk "
        + "at start: 1/16 of the free space, between 1MiB and 64MiB. A set size that takes more than 1/16 of the "
        + "free space is used, with a warning in the log.").range(0, WalOptions.MAX_SEGMENT_BYTES));
    registry.define(Setting.bytes(CHECKPOINT_FALLBACK_LOG, 256L << 20, "Most log kept so that the previous "
        + "checkpoint and the log since it can stand in for a newest checkpoint found damaged; beyond it only the "
        + "previous checkpoint is kept and health says what a damaged newest one would cost."));
    registry.define(Setting.flag(ACCEPT_LOSS, false, "Open even when recovery would come back with less than the "
        + "directory held (damaged checkpoints or log with no intact copy): the loss is logged and stays in health; "
        + "off, such an open is refused and names what is lost. The server's --accept-loss sets it."));
    defineClockPolicy(registry);
    defineQueryLimits(registry);
  }

  /** Bounds of one query, so that no query takes the box: read when each query starts. */
  private static void defineQueryLimits(SettingsRegistry registry) {
    registry.define(Setting.duration(QUERY_TIMEOUT, 60_000, "A query whose statement sets no timeout of its own "
        + "(Statement.setQueryTimeout) is stopped after this long with SQLSTATE 57014; 0ms for never.").changeable());
    registry.define(Setting.count(QUERY_MAX_ROWS_HELD, 250_000, "Most rows one query's sorts, hash-join "
        + "build sides, windows and set operations may hold together; beyond, it fails with SQLSTATE 53200 instead of "
        + "filling the heap.").range(1, Long.MAX_VALUE).changeable());
    registry.define(Setting.count(QUERY_CPU_PERCENT, 50, "Percent of one core a running query may take while writes "
        + "arrive: it pauses between batches of rows so that ingestion keeps the CPU; 100 for no pauses.")
        .range(1, 100).changeable());
  }

  /** How the durable side recovers: the loss policy and the fallback log limit as the registry has them. */
  static RecoveryPolicy recoveryPolicy(SettingsRegistry registry) {
    return new RecoveryPolicy(registry.booleanValue(ACCEPT_LOSS), registry.longValue(CHECKPOINT_FALLBACK_LOG));
  }

  /** The clock policy's settings at the defaults docs/clocks.md explains. */
  private static void defineClockPolicy(SettingsRegistry registry) {
    registry.define(Setting.duration(FUTURE_BOUND, 5 * 60_000L, "How far ahead of the time its batch was received "
        + "a point's timestamp may be; beyond it ingest.out-of-bounds decides. 0ms for no bound.").changeable());
    registry.define(Setting.duration(PAST_BOUND, 0, "How far behind the receive time a point's timestamp may be; "
        + "0ms (the default) for no bound, since backfills and gateways emptying their buffers after an outage "
        + "send old readings (the out-of-order window still applies per series).").changeable());
    registry.define(Setting.choice(OUT_OF_BOUNDS, "reject", List.of("reject", "clamp"), "What happens to a point "
        + "beyond a bound: reject (refused, counted per source) or clamp (written at the bound).").changeable());
    registry.define(Setting.choice(RECEIVE_TIME_STAMP, "when-missing", List.of("never", "when-missing", "always"),
        "When a point takes the receive time as its timestamp: never (points without one are refused), "
        + "when-missing (line protocol's rule) or always.").changeable());
    registry.define(Setting.text(STAMPED_SOURCES, "", "Comma-separated sources whose timestamps are always replaced "
        + "by the receive time, their clocks being known wrong (names as in sys.sources: udp:10.0.0.7; a trailing "
        + "* matches every source it begins, mqtt:plant/old/*).").changeable());
    registry.define(Setting.count(TRACKED_SOURCES, 4096, "Most sources sys.sources keeps statistics for; beyond, "
        + "the least recently seen is forgotten.").range(1, 1_000_000).changeable());
  }

  /** The clock policy the registry's values describe. */
  static ClockPolicy clockPolicy(SettingsRegistry registry) {
    List<String> stamped = Arrays.stream(registry.stringValue(STAMPED_SOURCES).split(","))
        .map(String::strip).filter(name -> !name.isEmpty()).toList();
    return new ClockPolicy(registry.longValue(FUTURE_BOUND), registry.longValue(PAST_BOUND),
        OutOfBounds.valueOf(upperCase(registry.stringValue(OUT_OF_BOUNDS))),
        Stamping.valueOf(upperCase(registry.stringValue(RECEIVE_TIME_STAMP))), stamped);
  }

  private static String upperCase(String choice) {
    return choice.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The database config the registry's values describe, durable in {@code dataDirectory} unless it is null. */
  public static DatabaseConfig config(SettingsRegistry registry, Path dataDirectory) {
    WalOptions wal = WalOptions.defaults()
        .withFsyncPolicy(FsyncPolicy.valueOf(registry.stringValue(WAL_FSYNC).toUpperCase(Locale.ROOT)))
        .withGroupCommitMillis(registry.longValue(WAL_GROUP_COMMIT))
        .withSegmentBytes(registry.longValue(WAL_SEGMENT_SIZE));
    return new DatabaseConfig((int) registry.longValue(CHUNK_ROWS), registry.longValue(OUT_OF_ORDER_WINDOW),
        registry.longValue(MEMORY_BUDGET), (int) registry.longValue(MAX_VALUE_LENGTH), dataDirectory, wal,
        registry.longValue(CHECKPOINT_INTERVAL));
  }

  /**
   * Makes the registry describe {@code config}: defines the engine's settings if they are
   * missing and sets the values that differ, with source {@code api} (a config built in code).
   */
  static void adopt(SettingsRegistry registry, DatabaseConfig config) {
    if (!registry.isDefined(CHUNK_ROWS)) {
      define(registry);
    }
    registry.setValue(CHUNK_ROWS, (long) config.chunkRows(), "api");
    registry.setValue(OUT_OF_ORDER_WINDOW, config.outOfOrderWindowMillis(), "api");
    registry.setValue(MAX_VALUE_LENGTH, (long) config.maxValueLength(), "api");
    registry.setValue(MEMORY_BUDGET, config.memoryBudgetBytes(), "api");
    registry.setValue(CHECKPOINT_INTERVAL, config.checkpointIntervalMillis(), "api");
    registry.setValue(WAL_FSYNC, config.wal().fsyncPolicy().name().toLowerCase(Locale.ROOT), "api");
    registry.setValue(WAL_GROUP_COMMIT, config.wal().groupCommitMillis(), "api");
    registry.setValue(WAL_SEGMENT_SIZE, config.wal().segmentBytes(), "api");
  }
}
