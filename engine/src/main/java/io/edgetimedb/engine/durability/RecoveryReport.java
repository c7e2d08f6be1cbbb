package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What opening a durable database found: the checkpoint it loaded (null when none), the
 * checkpoints it could not use and why, and what the log replay did (records, torn tail,
 * corruption).
 */
public record RecoveryReport(Path checkpoint, long checkpointSequence, List<String> unusableCheckpoints,
    ReplayReport replay, long recordsApplied) {
  public RecoveryReport {
    unusableCheckpoints = List.copyOf(unusableCheckpoints);
  }
}
