package io.edgetimedb.engine;

/**
 * Settings of a database. Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param chunkRows rows a head collects before it is sealed into a compressed chunk
 * @param outOfOrderWindowMillis how far behind the newest point of its series a point may be
 *     and still be accepted (merged in time order); older points are refused
 * @param memoryBudgetBytes bytes the engine may hold; reported against in the memory usage
 * @param maxValueLength longest VARCHAR (characters) or VARBINARY (bytes) value accepted
 */
public record DatabaseConfig(int chunkRows, long outOfOrderWindowMillis, long memoryBudgetBytes, int maxValueLength) {
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
  }

  /** 1,024-row chunks, a one-hour out-of-order window, 256 MB, values up to 1 MiB. */
  public static DatabaseConfig defaults() {
    return new DatabaseConfig(1024, 3_600_000L, 256L << 20, 1 << 20);
  }

  public DatabaseConfig withChunkRows(int rows) {
    return new DatabaseConfig(rows, outOfOrderWindowMillis, memoryBudgetBytes, maxValueLength);
  }

  public DatabaseConfig withOutOfOrderWindowMillis(long millis) {
    return new DatabaseConfig(chunkRows, millis, memoryBudgetBytes, maxValueLength);
  }

  public DatabaseConfig withMemoryBudgetBytes(long bytes) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, bytes, maxValueLength);
  }

  public DatabaseConfig withMaxValueLength(int length) {
    return new DatabaseConfig(chunkRows, outOfOrderWindowMillis, memoryBudgetBytes, length);
  }
}
