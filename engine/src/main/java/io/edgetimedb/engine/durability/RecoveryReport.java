package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayReport;
import java.nio.file.Path;
import java.util.List;

/**
 * What opening a durable database found: the checkpoint it loaded (null when none), the
 * checkpoints it could not use and why, what the log replay did (records, torn tail,
 * corruption), what was lost (accepted, or the open would have been refused) and where the
 * damaged files were set aside.
 */
public record RecoveryReport(Path checkpoint, long checkpointSequence, List<String> unusableCheckpoints,
    ReplayReport replay, long recordsApplied, RecoveryLoss loss, List<Path> setAside) {
  public RecoveryReport {
    unusableCheckpoints = List.copyOf(unusableCheckpoints);
    setAside = List.copyOf(setAside);
  }
}
