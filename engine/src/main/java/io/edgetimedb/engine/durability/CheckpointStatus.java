package io.edgetimedb.engine.durability;

/**
 * What the checkpoints of a durable database have done since it was opened, for health reports
 * and metrics. Replaced whole after each attempt, so a reader never sees half of an update.
 *
 * @param written checkpoints written and verified
 * @param failed attempts that failed (the log kept everything they would have covered)
 * @param lastWrittenMillis when the last checkpoint was written (epoch milliseconds); 0 before the first
 * @param lastDurationNanos how long writing and verifying it took
 * @param lastFailure why the most recent attempt failed, or null when it succeeded (or none ran)
 */
public record CheckpointStatus(long written, long failed, long lastWrittenMillis, long lastDurationNanos,
    String lastFailure) {
  /** Before the first attempt. */
  public static final CheckpointStatus NONE = new CheckpointStatus(0, 0, 0, 0, null);

  CheckpointStatus succeeded(long atMillis, long durationNanos) {
    return new CheckpointStatus(written + 1, failed, atMillis, durationNanos, null);
  }

  CheckpointStatus failedWith(Exception e) {
    return new CheckpointStatus(written, failed + 1, lastWrittenMillis, lastDurationNanos, String.valueOf(e.getMessage()));
  }
}
