package io.edgetimedb.engine;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The engine's settings in the registry, and the translation between them and {@link
 * DatabaseConfig}. Only what the engine really applies while running is changeable: the
 * out-of-order window and the value length limit (read by writers once per batch), the memory
 * budget and the checkpoint interval (rescheduled). Chunk size and the log's options shape
 * structures built at open, so they need a restart.
 */
public final class EngineSettings {
  public static final String CHUNK_ROWS = "storage.chunk-rows";
  public static final String OUT_OF_ORDER_WINDOW = "ingest.out-of-order-window";
  public static final String MAX_VALUE_LENGTH = "ingest.max-value-length";
  public static final String MEMORY_BUDGET = "memory.budget";
  public static final String CHECKPOINT_INTERVAL = "checkpoint.interval";
  public static final String WAL_FSYNC = "wal.fsync";
  public static final String WAL_GROUP_COMMIT = "wal.group-commit-interval";
  public static final String WAL_SEGMENT_SIZE = "wal.segment-size";

  /** One byte more than a segment's 24-byte header, the smallest size WalOptions accepts. */
  private static final long MIN_SEGMENT_BYTES = 25;

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
    registry.define(Setting.bytes(MEMORY_BUDGET, d.memoryBudgetBytes(), "Bytes the engine may hold in memory; "
        + "memory usage (sys.storage, /metrics) is reported against it.").range(1, Long.MAX_VALUE).changeable());
    registry.define(Setting.duration(CHECKPOINT_INTERVAL, d.checkpointIntervalMillis(), "How often a durable "
        + "database writes a checkpoint in the background; 0ms for only on shutdown.").changeable());
    registry.define(Setting.choice(WAL_FSYNC, d.wal().fsyncPolicy().name(), policies, "When a write is "
        + "acknowledged: group (shared fsync), always (own fsync) or os (before the fsync; may lose the last "
        + "moments on power loss)."));
    registry.define(Setting.duration(WAL_GROUP_COMMIT, d.wal().groupCommitMillis(), "Under the os policy, the "
        + "interval of the background fsync."));
    registry.define(Setting.bytes(WAL_SEGMENT_SIZE, d.wal().segmentBytes(), "Size at which the write-ahead log "
        + "starts a new segment file.").range(MIN_SEGMENT_BYTES, WalOptions.MAX_SEGMENT_BYTES));
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
