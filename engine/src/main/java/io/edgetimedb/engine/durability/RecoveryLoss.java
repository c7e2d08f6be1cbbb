package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recovery cannot bring back, in words an operator can act on, and the damaged files
 * that held it. A recovery loads the newest intact checkpoint (sequence C) and replays the log
 * from C + 1 to its last intact record (L); data is lost when:
 * <ul>
 *   <li>the log begins after C + 1, so no file holds the records between (the newer checkpoint
 *       that did is damaged, or there never was one and the log was cut); the log after such a
 *       gap is lost with it, since its records name series and fields by the ids the missing
 *       ones handed out;
 *   <li>a damaged checkpoint covers records beyond max(C, L), which only it held;
 *   <li>the replay stopped at corruption: the records from the damage on are set aside, unless
 *       the damage is in the last segment and only records C already holds can be found after
 *       it (a damaged old record beside them costs nothing).
 * </ul>
 * A torn tail (an incomplete last record, as a power cut leaves it) is no loss unless a
 * checkpoint covered it, which the second rule catches.
 *
 * @param items each thing lost, one sentence each, empty when nothing is
 * @param files the damaged files that held it
 */
public record RecoveryLoss(List<String> items, List<Path> files) {
  public static final RecoveryLoss NONE = new RecoveryLoss(List.of(), List.of());

  public RecoveryLoss {
    items = List.copyOf(items);
    files = List.copyOf(files);
  }

  /**
   * A checkpoint file that failed verification.
   *
   * @param path the file
   * @param sequence the log sequence it covers
   * @param problem why it failed
   */
  public record DamagedCheckpoint(Path path, long sequence, String problem) {}

  /**
   * The loss of a recovery from the checkpoint of {@code checkpointSequence} (0 for none) and a
   * log replay whose first record was {@code firstLogSequence} and which found {@code log}.
   */
  static RecoveryLoss assess(long checkpointSequence, List<DamagedCheckpoint> damaged, long firstLogSequence,
      ReplayReport log) {
    List<String> items = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    if (firstLogSequence > checkpointSequence + 1) {
      items.add("log records " + (checkpointSequence + 1) + " to " + (firstLogSequence - 1) + " (no intact "
          + "checkpoint holds them and the log begins at record " + firstLogSequence + ")");
      if (log.lastSequence() >= firstLogSequence) {
        items.add("log records " + firstLogSequence + " to " + log.lastSequence() + " (they refer to series and "
            + "fields the missing records created, so they cannot be replayed)");
      }
    }
    long reached = Math.max(checkpointSequence, log.lastSequence());
    for (DamagedCheckpoint checkpoint : damaged) {
      if (checkpoint.sequence() > reached) {
        items.add("log records " + (reached + 1) + " to " + checkpoint.sequence()
            + " (only the damaged " + checkpoint.path().getFileName() + " held them: " + checkpoint.problem() + ")");
        reached = checkpoint.sequence();
      }
    }
    log.corruption().filter(c -> !c.onlyCoveredRecordsFollow()).ifPresent(c -> {
      items.add("the log from record " + c.firstSequenceNotReplayed() + " on (" + c.kind() + " at byte " + c.offset()
          + " of " + c.segment().getFileName() + "; " + c.bytesNotReplayed() + " bytes of log not replayed)");
      files.addAll(c.setAside());
    });
    if (!items.isEmpty()) {
      damaged.forEach(checkpoint -> files.add(checkpoint.path()));
    }
    return new RecoveryLoss(items, files);
  }

  public boolean isNone() {
    return items.isEmpty();
  }

  /** Everything lost, then the files that held it, in one line. */
  public String describe() {
    if (isNone()) {
      return "nothing";
    }
    return String.join("; ", items) + " [damaged files: " + String.join(", ",
        files.stream().map(Path::toString).toList()) + "]";
  }
}
