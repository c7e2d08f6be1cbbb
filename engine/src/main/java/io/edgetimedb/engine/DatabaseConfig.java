package io.edgetimedb.engine;

import io.edgetimedb.engine.wal.WalOptions;
import java.nio.file.Path;

/**
 * Settings of a database. Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param chunkRows rows a head collects before it is sealed into a compressed chunk
 * @param outOfOrderWindowMillis how far behind the newest point of its series a point may be
 *     and still be accepted (merged in time order); older points are refused
 * @param memoryBudgetBytes bytes the engine may hold; reported against in the memory usage
 * @param maxValueLength longest VARCHAR (characters) or VARBINARY (bytes) value accepted
 * @param dataDirectory where a durable database keeps its log and checkpoints; null for a
 *     database that lives in memory only
 * @param wal fsync policy, group-commit interval and segment size of the write-ahead log
 * @param checkpointIntervalMillis how often a durable database checkpoints in the background;
 *     0 for never (only on close and on request)
 */
public record DatabaseConfig(int chunkRows, long outOfOrderWindowMillis, long memoryBudgetBytes, int maxValueLength,
    Path dataDirectory, WalOptions wal, long checkpointIntervalMillis) {
  /** Longest chunk a head may collect: keeps the reused head arrays of 10,000 series in budget. */
  public static final int MAX_CHUNK_ROWS = 65_536;

  public DatabaseConfig {
    if (chunkRows < 1 || chunkRows > MAX_CHUNK_ROWS) {
      throw new IllegalArgumentException("chunkRows must be 1.." + MAX_CHUNK_ROWS + ", was " + chunkRows);
    }
    if (outOfOrderWindowMillis < 0) {
      throw new IllegalArgumentException("outOfOrderWindowMillis must be >= 0, was " + outOfOrderWindowMillis);
    }
    if (memoryBudgetBytes <= 0) {
      throw new IllegalArgumentException("memoryBudgetBytes must be > 0, was " + memoryBudgetBytes);
    }
    if (maxValueLength < 0) {
      throw new IllegalArgumentException("maxValueLength must be >= 0, was " + maxValueLength);
    }
    if (checkpointIntervalMillis < 0) {
      throw new IllegalArgumentException("checkpointIntervalMillis must be >= 0, was " + checkpointIntervalMillis);
    }
  }

  /**
   * In memory; 1,024-row chunks, a one-hour out-of-order window, 256 MB, values up to 1 MiB;
   * when made durable: group commit every 10 ms, a checkpoint every 5 minutes.
   */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(1024, 3_600_000L, 256L << 20, 1 << 20, null, WalOptions.defaults(), 300_000L);
  }

  public boolean durable() {
    return dataDirectory != null;
  }

  public DatabaseConfig withChunkRows(int rows) {
    return new DatabaseConfig(rows, outOfOrderWindowMillis, memoryBudgetBytes, maxValueLength, dataDirectory, wal,
        checkpointIntervalMillis);
  }

  public DatabaseConfig withOutOfOrderWindowMillis(long millis) {
    return new DatabaseConfig(chunkRows, millis, memoryBudgetBytes, maxValueLength, dataDirectory, wal,
        checkpointIntervalMillis);
  }

  public DatabaseConfig withMemoryBudgetBytes(long bytes) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, bytes, maxValueLength, dataDirectory, wal,
        checkpointIntervalMillis);
  }

  public DatabaseConfig withMaxValueLength(int length) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, memoryBudgetBytes, length, dataDirectory, wal,
        checkpointIntervalMillis);
  }

  /** A durable database in {@code directory}. */
  public DatabaseConfig withDataDirectory(Path directory) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, memoryBudgetBytes, maxValueLength, directory, wal,
        checkpointIntervalMillis);
  }

  public DatabaseConfig withWal(WalOptions options) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, memoryBudgetBytes, maxValueLength, dataDirectory,
        options, checkpointIntervalMillis);
  }

  public DatabaseConfig withCheckpointIntervalMillis(long millis) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, memoryBudgetBytes, maxValueLength, dataDirectory,
        wal, millis);
  }
}
